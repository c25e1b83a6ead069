using Chat.Gateway.Services.Auth;
using GraphQL;
using GraphQL.DataLoader;

namespace Chat.Gateway.Schema.Messaging;

/// <summary>A conversation as one of its members sees it (from the Messaging service).</summary>
public sealed class Conversation
{
    [Id]
    public Guid Id { get; init; }

    public bool IsGroup { get; init; }

    public string? Title { get; init; }

    [Id]
    public Guid CreatedBy { get; init; }

    [Id]
    public IReadOnlyList<Guid> ParticipantIds { get; init; } = [];

    public DateTimeOffset? LastMessageAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public Message? LastMessage { get; init; }

    [GraphQLMetadata(Description = "Messages of others after the caller's read pointer.")]
    public int UnreadCount { get; init; }

    [GraphQLMetadata(Description = "Whether the caller muted it: no NEW_MESSAGE notifications (mentions and replies still notify).")]
    public bool IsMuted { get; init; }

    [GraphQLMetadata(Description = "When the caller's mute ends; null while muted until unmuted, or not muted.")]
    public DateTimeOffset? MutedUntil { get; init; }

    [Ignore]
    public string Cursor { get; init; } = "";

    [GraphQLMetadata(Description = "The members, resolved with every other user of the request in one batched lookup.")]
    // Costed as a typical small group, not the default list multiplier: the whole request's users cost one batched
    // lookup however many there are, and without this a page of 50 conversations with members exceeds the limit.
    [Complexity(1, 5)]
    public IDataLoaderResult<Participant[]> Participants([FromServices] UserDirectory users) =>
        users.LoadMany(ParticipantIds);
}
