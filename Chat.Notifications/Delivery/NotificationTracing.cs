using System.Diagnostics;

namespace Chat.Notifications.Delivery;

/// <summary>
/// Spans of our own Redis calls. There is no StackExchange.Redis instrumentation package in our feed, and the
/// push to Redis is the link between the consumed event and the gateway's WebSocket push, so it gets a client
/// span after OpenTelemetry's database conventions; its context travels on with the published message.
/// </summary>
public static class NotificationTracing
{
    public static ActivitySource Source { get; } = new(NotificationMetrics.MeterName);

    /// <param name="parent">The span this call belongs to; default: the current one.</param>
    public static Activity? StartRedisCall(string operation, string summary, ActivityContext parent = default)
    {
        var activity = Source.StartActivity($"{operation} {summary}", ActivityKind.Client, parent);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("db.system.name", "redis");
            activity.SetTag("db.operation.name", operation);
            activity.SetTag("db.query.summary", summary);
        }
        return activity;
    }
}
