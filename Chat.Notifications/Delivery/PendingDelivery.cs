using System.Diagnostics;
using Chat.Notifications.Domain;

namespace Chat.Notifications.Delivery;

/// <summary>
/// A stored notification waiting for its transaction to commit, with when its cause happened (for latency) and the
/// trace it belongs to: the delivery runs after the commit, outside the span of the event that caused it (a consumer
/// batch commits many events at once), and must still continue that event's trace.
/// </summary>
public sealed record PendingDelivery(Notification Notification, DateTimeOffset EventOccurredAt, ActivityContext Cause);
