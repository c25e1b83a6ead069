using Chat.Gateway.Diagnostics;
using Chat.Gateway.Realtime;
using Chat.Gateway.Security;
using Chat.Gateway.Services.Auth;
using Chat.Gateway.Services.Coalescing;
using Chat.Gateway.Services.Messaging;
using Chat.Gateway.Services.Notifications;
using Chat.Gateway.Services.Presence;
using Chat.Gateway.Services.Resilience;
using Chat.ServiceDefaults;

namespace Chat.Gateway;

public static partial class Extensions
{
    /// <summary>
    /// One HTTP client per service, named after it, that every typed client of the service shares — so the service
    /// has one set of circuits and one fault budget per caller (<see cref="DownstreamResilience"/>), whichever part of
    /// the gateway calls it. With <paramref name="countCalls"/> (a test-only setting) every call that leaves for a
    /// service is counted and the counts are served for tests of batching.
    /// </summary>
    private static void AddServiceClients(this IServiceCollection services, bool countCalls)
    {
        services.AddTransient<BearerTokenForwardingHandler>();
        services.AddSingleton<InFlightReads>();
        services.AddTransient<IdenticalReadCoalescingHandler>();
        if (countCalls)
        {
            services.AddSingleton<DownstreamCallCounter>();
        }

        services.AddServiceClient(ResourceNames.Auth, countCalls)
            .AddTypedClient<AuthServiceClient>();
        services.AddServiceClient(ResourceNames.Messaging, countCalls)
            .AddTypedClient<MessagingServiceClient>()
            .AddTypedClient<ConversationMembershipClient>()
            .AddTypedClient<MessageReplayClient>();
        services.AddServiceClient(ResourceNames.Presence, countCalls)
            .AddTypedClient<PresenceServiceClient>()
            .AddTypedClient<PresenceActivityClient>();
        services.AddServiceClient(ResourceNames.Notifications, countCalls)
            .AddTypedClient<NotificationsServiceClient>()
            .AddTypedClient<NotificationReplayClient>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<PresenceLoader>();
    }

    private static IHttpClientBuilder AddServiceClient(this IServiceCollection services, string service, bool countCalls)
    {
        // Tokens the caller sent are passed on; clients that call with a token of their own (real-time) keep theirs.
        var client = services.AddHttpClient(service, http => http.BaseAddress = new Uri("http://" + service))
            .AddHttpMessageHandler<BearerTokenForwardingHandler>()
            .AddHttpMessageHandler<IdenticalReadCoalescingHandler>()
            .AddDownstreamResilience();
        if (countCalls)
        {
            // Inside the resilience handler: counts what reaches the wire, retries included.
            client.AddHttpMessageHandler(provider => new DownstreamCallCountingHandler(provider.GetRequiredService<DownstreamCallCounter>(), service));
        }

        return client;
    }
}
