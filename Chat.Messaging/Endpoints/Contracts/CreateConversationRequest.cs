namespace Chat.Messaging.Endpoints.Contracts;

/// <summary>
/// The other participants (the caller is always one). <see cref="IsGroup"/> (default false) makes a group, which may
/// have a title; without it, exactly one other participant and no title make a 1:1 conversation.
/// </summary>
public sealed record CreateConversationRequest(IReadOnlyList<Guid>? ParticipantIds, string? Title, bool? IsGroup);
