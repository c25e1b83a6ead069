using Chat.Gateway.Configuration;
using Chat.Gateway.Realtime;
using Chat.Gateway.Security;
using Chat.Gateway.WebSockets;
using Chat.ServiceDefaults;
using Chat.ServiceDefaults.Startup;

namespace Chat.Gateway;

public static partial class Extensions
{
    /// <summary>
    /// Subscriptions: the <c>graphql-transport-ws</c> transport, Redis feeds (notifications, presence, typing), the
    /// per-instance Kafka feed of message events, and the presence activity of open connections.
    /// </summary>
    private static void AddGatewayRealtime(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient(ResourceNames.Redis, configureOptions: options => options.UseChatDefaults());
        builder.AddKafkaClients(ResourceNames.Kafka);
        var services = builder.Services;
        services.AddOptions<GraphQLWebSocketOptions>().BindConfiguration(GraphQLWebSocketOptions.SectionName).InStartupSummary()
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<GatewayRealtimeMetrics>();
        services.AddSingleton<AccessTokenValidator>();
        services.AddSingleton<NotificationFeed>();
        services.AddSingleton<NotificationStreams>();
        services.AddSingleton<PresenceFeed>();
        services.AddSingleton<TypingFeed>();
        services.AddSingleton<ConversationMembership>();
        services.AddOptions<ResumeOptions>().BindConfiguration(ResumeOptions.SectionName).InStartupSummary()
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CursorReplay>();
        services.AddSingleton<MessageEventHub>();
        services.AddSingleton<MessageStreams>();
        services.AddSingleton<MessageEventFeed>();
        services.AddHostedService(provider => provider.GetRequiredService<MessageEventFeed>());
        services.AddHealthChecks().AddCheck<MessageEventFeed>("message-event-feed", tags: ["ready"]);
        services.AddSingleton<ConnectionPresence>();
        services.AddHostedService(provider => provider.GetRequiredService<ConnectionPresence>());
    }
}
