namespace Chat.Messaging.Endpoints.Contracts;

/// <summary>
/// A conversation as one of its members sees it: who is in it, the newest message, what they have not read, and
/// whether they muted it (<see cref="MutedUntil"/> null with <see cref="IsMuted"/> true: until unmuted).
/// </summary>
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
    string Cursor,
    bool IsMuted,
    DateTimeOffset? MutedUntil);
