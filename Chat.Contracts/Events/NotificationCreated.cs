namespace Chat.Contracts.Events;

/// <summary>A notification was created for a user. Topic <c>notification.created</c>, key userId.</summary>
public sealed record NotificationCreated(
    Guid NotificationId,
    Guid UserId,
    string Type,
    string Title,
    string Message,
    DateTimeOffset CreatedAt) : IntegrationEvent;
