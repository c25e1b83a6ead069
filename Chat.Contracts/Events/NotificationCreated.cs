namespace Chat.Contracts.Events;

/// <summary>
/// A notification was created for a user. Topic <c>notification.created</c>, key userId. Schema v3 adds its
/// <see cref="Seq"/> among the user's notifications.
/// </summary>
public sealed record NotificationCreated(
    Guid NotificationId,
    Guid UserId,
    string Type,
    string Title,
    string Message,
    DateTimeOffset CreatedAt,
    long? Seq = null) : IntegrationEvent;
