using GraphQL;

namespace Chat.Gateway.Schema.Messaging;

/// <summary>
/// The other participants (the caller is always one). One other participant without a title is a 1:1
/// conversation (the existing one, if the pair has one); more, or a title, or isGroup makes a group.
/// </summary>
public sealed class CreateConversationInput
{
    [Id]
    public required IReadOnlyList<Guid> ParticipantIds { get; init; }

    public string? Title { get; init; }

    public bool? IsGroup { get; init; }
}
