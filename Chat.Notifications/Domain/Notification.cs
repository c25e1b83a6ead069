namespace Chat.Notifications.Domain;

/// <summary>
/// One notification for one user. <see cref="SourceEventId"/> is the integration event that caused it: unique
/// together with <see cref="UserId"/>, so a redelivered event can never notify the same user twice.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    /// <summary>1, 2, 3 … per user in commit order (<c>NotificationLog</c>): the <c>notificationAdded</c> resume cursor.</summary>
    public long Seq { get; init; }

    public required string Type { get; init; }

    public required string Title { get; init; }

    public required string Message { get; init; }

    /// <summary>A JSON object (jsonb) with what a client needs to act on it, e.g. the conversation to open.</summary>
    public required string Data { get; init; }

    public bool Read { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public Guid SourceEventId { get; init; }

    /// <summary>The message a NEW_MESSAGE notification previews, so that deleting the message removes its text.</summary>
    public Guid? MessageId { get; init; }
}
