using Chat.Gateway.Configuration;
using Chat.Gateway.Realtime;
using Chat.Gateway.Security;
using Chat.Gateway.Services;
using Chat.Gateway.WebSockets;
using Chat.ServiceDefaults;
using Chat.ServiceDefaults.Startup;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Chat.Gateway;

public static partial class Extensions
{
    /// <summary>
    /// Subscriptions: the <c>graphql-transport-ws</c> transport, Redis feeds (notifications, presence, typing), the
    /// per-instance Kafka feed of message events, and the presence activity of open connections.
    /// </summary>
    private static void AddGatewayRealtime(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient(ResourceNames.Redis, configureOptions: options => options.UseChatTimeouts());
        builder.AddKafkaClients(ResourceNames.Kafka);
        var services = builder.Services;
        services.AddOptions<GraphQLWebSocketOptions>().BindConfiguration(GraphQLWebSocketOptions.SectionName).InStartupSummary()
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<GatewayRealtimeMetrics>();
        services.AddSingleton<AccessTokenValidator>();
        services.AddSingleton<NotificationFeed>();
        services.AddSingleton<PresenceFeed>();
        services.AddSingleton<TypingFeed>();
        services.AddSingleton<ConversationMembership>();
        services.AddSingleton<MessageEventHub>();
        services.AddSingleton<MessageEventFeed>();
        services.AddHostedService(provider => provider.GetRequiredService<MessageEventFeed>());
        services.AddHealthChecks().AddCheck<MessageEventFeed>("message-event-feed", tags: ["ready"]);
        services.AddSingleton<ConnectionPresence>();
        services.AddHostedService(provider => provider.GetRequiredService<ConnectionPresence>());

#pragma warning disable EXTEXP0001 // see AddAuthServiceClients
        services.AddHttpClient<ConversationMembershipClient>(client => client.BaseAddress = new Uri("http://" + ResourceNames.Messaging))
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler().Configure(DownstreamResilience.Configure);
        services.AddHttpClient<PresenceActivityClient>(client => client.BaseAddress = new Uri("http://" + ResourceNames.Presence))
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler().Configure(DownstreamResilience.Configure);
#pragma warning restore EXTEXP0001
    }
}
