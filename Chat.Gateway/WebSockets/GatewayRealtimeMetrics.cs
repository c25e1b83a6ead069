using System.Diagnostics.Metrics;

namespace Chat.Gateway.WebSockets;

/// <summary>Meter <c>Chat.Gateway</c>: open WebSocket connections and running subscriptions of this instance.</summary>
public sealed class GatewayRealtimeMetrics
{
    public const string MeterName = "Chat.Gateway";

    private readonly UpDownCounter<long> connections;
    private readonly UpDownCounter<long> subscriptions;

    public GatewayRealtimeMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        connections = meter.CreateUpDownCounter<long>("chat.gateway.websocket.connections", "{connection}",
            "Open graphql-transport-ws connections.");
        subscriptions = meter.CreateUpDownCounter<long>("chat.gateway.subscriptions.active", "{subscription}",
            "Operations running over WebSocket connections.");
    }

    public void ConnectionOpened() => connections.Add(1);

    public void ConnectionClosed() => connections.Add(-1);

    public void SubscriptionStarted() => subscriptions.Add(1);

    public void SubscriptionEnded() => subscriptions.Add(-1);
}
