namespace Chat.Contracts.Events;

/// <summary>
/// A member added (<see cref="Added"/>) or removed a reaction. Topic <c>message.reacted</c>, key conversationId; a new
/// fact gets its own event rather than a new kind of <see cref="MessageUpdated"/>, which consumers built on its
/// earlier schemas could not read. <see cref="Reactions"/> are the message's counts after the change.
/// </summary>
public sealed record MessageReacted(
    Guid MessageId,
    Guid ConversationId,
    Guid UserId,
    string Emoji,
    bool Added,
    IReadOnlyList<ReactionCount> Reactions,
    long? Seq = null,
    long? ChangeSeq = null) : IntegrationEvent;

/// <summary>How many members reacted to a message with one emoji.</summary>
public sealed record ReactionCount(string Emoji, int Count);
