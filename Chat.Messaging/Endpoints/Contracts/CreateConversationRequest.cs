namespace Chat.Messaging.Endpoints.Contracts;

/// <summary>
/// The other participants (the caller is always one). One other participant and neither a title nor
/// <see cref="IsGroup"/> makes a 1:1 conversation; anything else a group.
/// </summary>
public sealed record CreateConversationRequest(IReadOnlyList<Guid>? ParticipantIds, string? Title, bool? IsGroup);
