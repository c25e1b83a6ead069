namespace Chat.Messaging.Endpoints.Contracts;

/// <summary>
/// An entry of a conversation's change log as replay returns it: the message's latest edit or deletion (its state
/// now, so an edit followed by a deletion replays as the deletion, and a reaction after an edit as the reaction
/// with the edited text), or a member's latest read mark. <see cref="Reactions"/> are the message's counts now
/// (for edits and reactions; null for deletions and read marks).
/// </summary>
public sealed record MessageChangeDto(
    MessageChangeKind Kind,
    long ChangeSeq,
    Guid MessageId,
    long Seq,
    string? Content,
    DateTimeOffset? EditedAt,
    Guid? DeletedBy,
    DateTimeOffset? DeletedAt,
    Guid? ReaderId,
    DateTimeOffset? ReadAt,
    IReadOnlyList<ReactionDto>? Reactions = null);
