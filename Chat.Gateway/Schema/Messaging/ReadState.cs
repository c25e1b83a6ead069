using GraphQL;

namespace Chat.Gateway.Schema.Messaging;

/// <summary>The caller's read pointer in a conversation after a read mark.</summary>
public sealed class ReadState
{
    [Id]
    public Guid ConversationId { get; init; }

    [Id]
    public Guid LastReadMessageId { get; init; }

    [GraphQLMetadata(Description = "When the caller last marked a message read; null while nothing was marked since joining.")]
    public DateTimeOffset? LastReadAt { get; init; }

    public int UnreadCount { get; init; }
}
