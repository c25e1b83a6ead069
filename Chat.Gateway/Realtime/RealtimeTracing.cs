using System.Diagnostics;

namespace Chat.Gateway.Realtime;

/// <summary>
/// The last hop of a traced event: handing it to this instance's subscribers, whose connections then write it to
/// their sockets. A producer span (it sends messages to clients), child of the Kafka consumer span or of the
/// Redis publish that carried the event.
/// </summary>
public static class RealtimeTracing
{
    public const string SourceName = "Chat.Gateway.Realtime";
    public const string SubscriptionField = "graphql.subscription.field";
    public const string Recipients = "chat.push.recipients";

    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>Starts the push span; <paramref name="parent"/> default means "under the current activity, if any".</summary>
    public static Activity? StartPush(string subscriptionField, ActivityContext parent = default)
    {
        var activity = Source.StartActivity($"push {subscriptionField}", ActivityKind.Producer, parent);
        activity?.SetTag(SubscriptionField, subscriptionField);
        return activity;
    }
}
