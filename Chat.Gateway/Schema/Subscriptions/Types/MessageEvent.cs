using GraphQL;

namespace Chat.Gateway.Schema.Subscriptions.Types;

/// <summary>
/// A message event relayed from Messaging's Kafka topics. Which fields are set depends on <see cref="Kind"/>:
/// content for CREATED and EDITED, reader for READ (so a sender sees "read"), deleter for DELETED.
/// </summary>
public sealed class MessageEvent
{
    public MessageEventKind Kind { get; init; }

    [Id]
    public Guid MessageId { get; init; }

    [Id]
    public Guid ConversationId { get; init; }

    [Id]
    public Guid? SenderId { get; init; }

    public string? Content { get; init; }

    public string? ClientMessageId { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? EditedAt { get; init; }

    [Id]
    public Guid? ReaderId { get; init; }

    public DateTimeOffset? ReadAt { get; init; }

    [Id]
    public Guid? DeletedBy { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }

    public DateTimeOffset OccurredAt { get; init; }
}
