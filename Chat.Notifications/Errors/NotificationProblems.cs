using Chat.Notifications.Domain;
using Chat.ServiceDefaults.Problems;

namespace Chat.Notifications.Errors;

/// <summary>Notifications' own exceptions as problems; the shared ones are mapped by ServiceDefaults.</summary>
public sealed class NotificationProblems : IProblemMapping
{
    public Problem? Map(Exception exception) => exception switch
    {
        NotificationNotFoundException => new(StatusCodes.Status404NotFound, "Notification not found"),
        InvalidCursorException => new(StatusCodes.Status400BadRequest, "Invalid cursor", Field: "after"),
        _ => null,
    };
}
