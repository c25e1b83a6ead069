namespace Chat.Notifications;

/// <summary>
/// Names the Notifications service's entry assembly for <c>WebApplicationFactory&lt;NotificationsApiMarker&gt;</c>:
/// every service has a global <c>Program</c>, so a test project referencing several cannot use that name.
/// </summary>
public sealed class NotificationsApiMarker
{
    private NotificationsApiMarker()
    {
    }
}
