using GraphQL;

namespace Chat.Gateway.Schema.Notifications;

/// <summary>What a client needs to act on a notification; which fields are set depends on its type.</summary>
public sealed class NotificationData
{
    [Id]
    [GraphQLMetadata(Description = "NEW_MESSAGE, MENTION, REPLY: the conversation to open.")]
    public Guid? ConversationId { get; init; }

    [Id]
    [GraphQLMetadata(Description = "NEW_MESSAGE, MENTION, REPLY: the message.")]
    public Guid? MessageId { get; init; }

    [Id]
    [GraphQLMetadata(Description = "NEW_MESSAGE, MENTION, REPLY: who sent it.")]
    public Guid? SenderId { get; init; }

    [Id]
    [GraphQLMetadata(Description = "REPLY (and any message sent as a reply): the thread's root message.")]
    public Guid? ReplyToId { get; init; }

    [Id]
    [GraphQLMetadata(Description = "USER_ONLINE: who came online.")]
    public Guid? UserId { get; init; }

    [GraphQLMetadata(Description = "USER_ONLINE: their presence status.")]
    public string? Status { get; init; }
}
