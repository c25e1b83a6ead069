using GraphQL;

namespace Chat.Gateway.Schema.Messaging;

/// <summary><see cref="ClientMessageId"/> makes retries safe: the same id returns the first send's message.</summary>
public sealed class SendMessageInput
{
    [Id]
    public Guid ConversationId { get; init; }

    public required string Content { get; init; }

    public string? ClientMessageId { get; init; }
}
