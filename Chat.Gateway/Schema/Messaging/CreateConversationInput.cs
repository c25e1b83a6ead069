using GraphQL;

namespace Chat.Gateway.Schema.Messaging;

/// <summary>
/// The other participants (the caller is always one). Without <c>isGroup</c> (default false): exactly one other
/// participant and no title, a 1:1 conversation (the existing one, if the pair has one); with it, a group.
/// </summary>
public sealed class CreateConversationInput
{
    [Id]
    public required IReadOnlyList<Guid> ParticipantIds { get; init; }

    public string? Title { get; init; }

    [GraphQLMetadata(Description = "Create a group (default false: a 1:1 conversation).")]
    public bool? IsGroup { get; init; }
}
