using Chat.Notifications.Domain;

namespace Chat.Notifications.Delivery;

/// <summary>A stored notification waiting for its transaction to commit, with when its cause happened (for latency).</summary>
public sealed record PendingDelivery(Notification Notification, DateTimeOffset EventOccurredAt);
