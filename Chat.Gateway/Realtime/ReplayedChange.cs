namespace Chat.Gateway.Realtime;

/// <summary>
/// An entry of a conversation's change log as Messaging's replay returns it (<c>GET /conversations/{id}/changes?after=</c>):
/// kind <c>Edited</c>, <c>Deleted</c> or <c>Read</c>, at its change position.
/// </summary>
public sealed record ReplayedChange(
    string Kind,
    long ChangeSeq,
    Guid MessageId,
    long Seq,
    string? Content,
    DateTimeOffset? EditedAt,
    Guid? DeletedBy,
    DateTimeOffset? DeletedAt,
    Guid? ReaderId,
    DateTimeOffset? ReadAt,
    IReadOnlyList<Chat.Gateway.Schema.Subscriptions.Types.ReactionCount>? Reactions = null);
