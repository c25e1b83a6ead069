using System.Globalization;
using GraphQL;

namespace Chat.Gateway.Schema.Notifications;

/// <summary>
/// A notification of the signed-in user. Deserializes (System.Text.Json web defaults) from the Notifications
/// service's REST answers and from the JSON it publishes on the Redis channel <c>notifications:{userId}</c>, which
/// have the same shape, so the <c>notificationAdded</c> subscription can relay into this very type.
/// </summary>
public sealed class Notification
{
    [Id]
    public Guid Id { get; init; }

    [Id]
    public Guid UserId { get; init; }

    [GraphQLMetadata(Description = "NEW_MESSAGE, MENTION, REPLY or USER_ONLINE.")]
    public required string Type { get; init; }

    public required string Title { get; init; }

    [GraphQLMetadata(Description = "A short preview of the message, or who came online.")]
    public required string Message { get; init; }

    public NotificationData Data { get; init; } = new();

    public bool Read { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    [GraphQLMetadata(Description = "Place among the user's notifications: 1, 2, 3 … in commit order.")]
    public long Seq { get; init; }

    [GraphQLMetadata(Description = "Pass as `after` to notificationAdded to resume after this notification.")]
    public string Cursor => Seq.ToString(CultureInfo.InvariantCulture);
}
