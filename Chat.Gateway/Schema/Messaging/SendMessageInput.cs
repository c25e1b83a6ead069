using GraphQL;

namespace Chat.Gateway.Schema.Messaging;

/// <summary>
/// <see cref="ClientMessageId"/> makes retries safe: the same id returns the first send's message. <see cref="ReplyToId"/>
/// sends it as a reply in that message's thread. <c>@username</c> in the content mentions a member.
/// </summary>
public sealed class SendMessageInput
{
    [Id]
    public Guid ConversationId { get; init; }

    public required string Content { get; init; }

    public string? ClientMessageId { get; init; }

    [Id]
    public Guid? ReplyToId { get; init; }
}
