namespace Chat.Notifications.Domain;

/// <summary>No notification with that id belongs to the caller (another user's notification is not found either).</summary>
public sealed class NotificationNotFoundException(Guid id) : Exception($"Notification {id} was not found.")
{
    public Guid NotificationId { get; } = id;
}
