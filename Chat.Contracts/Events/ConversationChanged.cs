namespace Chat.Contracts.Events;

/// <summary>
/// A conversation was created or its membership changed. One event on one single-partition topic
/// (<c>conversation.changed</c>, key conversationId) so creation and membership changes keep their order; the
/// payload carries the full participant list after the change, so a consumer never has to replay history.
/// </summary>
public sealed record ConversationChanged(
    Guid ConversationId,
    ConversationChangeKind Change,
    bool IsGroup,
    string? Title,
    IReadOnlyList<Guid> ParticipantIds,
    Guid ChangedBy,
    Guid? AffectedUserId) : IntegrationEvent;
