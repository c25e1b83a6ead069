namespace Chat.Messaging.Endpoints.Contracts;

/// <summary>A conversation as one of its members sees it: who is in it, the newest message and what they have not read.</summary>
public sealed record ConversationDto(
    Guid Id,
    bool IsGroup,
    string? Title,
    Guid CreatedBy,
    IReadOnlyList<Guid> ParticipantIds,
    DateTimeOffset? LastMessageAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    MessageDto? LastMessage,
    int UnreadCount,
    string Cursor);
