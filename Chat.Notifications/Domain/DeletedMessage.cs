namespace Chat.Notifications.Domain;

/// <summary>
/// A message whose <c>message.deleted</c> was read. Topics keep no order between them, so its <c>message.created</c>
/// may still arrive (a lagging partition, a replay): it then notifies nobody instead of pushing the deleted text.
/// </summary>
public sealed class DeletedMessage
{
    public Guid MessageId { get; init; }

    public DateTimeOffset DeletedAt { get; init; }
}
