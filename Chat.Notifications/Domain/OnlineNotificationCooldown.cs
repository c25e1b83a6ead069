namespace Chat.Notifications.Domain;

/// <summary>
/// When <see cref="RecipientId"/> was last told that <see cref="SubjectId"/> came online; a newer "online" within
/// the cooldown is dropped, so a flapping connection cannot flood the people who share a conversation with it.
/// </summary>
public sealed class OnlineNotificationCooldown
{
    public Guid RecipientId { get; init; }

    public Guid SubjectId { get; init; }

    public DateTimeOffset LastNotifiedAt { get; set; }
}
