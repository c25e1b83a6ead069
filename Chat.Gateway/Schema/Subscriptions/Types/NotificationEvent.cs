using GraphQL;

namespace Chat.Gateway.Schema.Subscriptions.Types;

/// <summary>A notification as the Notifications service publishes it on <c>notifications:{userId}</c>.</summary>
public sealed class NotificationEvent
{
    [Id]
    public Guid Id { get; init; }

    [Id]
    public Guid UserId { get; init; }

    public required string Type { get; init; }

    public required string Title { get; init; }

    public required string Message { get; init; }

    /// <summary>The notification's data object as JSON text (its shape depends on <see cref="Type"/>).</summary>
    public string? Data { get; init; }

    public bool Read { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    [GraphQLMetadata(Description = "The notification's place among the user's: 1, 2, 3 … in commit order.")]
    public long? Seq { get; init; }

    [GraphQLMetadata(Description = "Pass as `after` to notificationAdded to resume after this notification.")]
    public string? Cursor { get; init; }
}
