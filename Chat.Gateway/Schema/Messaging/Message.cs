using Chat.Gateway.Services.Auth;
using GraphQL;
using GraphQL.DataLoader;

namespace Chat.Gateway.Schema.Messaging;

/// <summary>A message; a deleted one keeps its place with empty content and <see cref="DeletedAt"/> set.</summary>
public sealed class Message
{
    [Id]
    public Guid Id { get; init; }

    [Id]
    public Guid ConversationId { get; init; }

    [Id]
    public Guid SenderId { get; init; }

    [Id]
    [GraphQLMetadata(Description = "The other participant of a 1:1 conversation; null in groups.")]
    public Guid? ReceiverId { get; init; }

    [GraphQLMetadata(Description = "Place in the conversation: 1, 2, 3 … in commit order, the order of history and of messageAdded.")]
    public long Seq { get; init; }

    [GraphQLMetadata(Description = "Position of the latest edit or deletion in the conversation's change log; 0 while unchanged.")]
    public long ChangeSeq { get; init; }

    public required string Content { get; init; }

    public string? ClientMessageId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? EditedAt { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }

    [GraphQLMetadata(Description = "When the receiver of a 1:1 message read it.")]
    public DateTimeOffset? ReadAt { get; init; }

    public bool IsDeleted => DeletedAt is not null;

    [Id]
    [GraphQLMetadata(Description = "The thread's root message when this message is a reply (a reply to a reply joins the root's thread).")]
    public Guid? ReplyToId { get; init; }

    [Id]
    [GraphQLMetadata(Description = "Members the text mentions with @username, resolved when it was sent.")]
    public IReadOnlyList<Guid> MentionedUserIds { get; init; } = [];

    [GraphQLMetadata(Description = "Reaction counts per emoji, in the order the emoji were first used; reactedByMe is the caller's.")]
    // Costed as a few emoji, not the default list multiplier: the counts come with the message, no call of their own.
    [Complexity(1, 3)]
    public IReadOnlyList<Reaction> Reactions { get; init; } = [];

    [GraphQLMetadata(Description = "The thread this message roots; null while it has no replies.")]
    public ThreadSummary? Thread { get; init; }

    [Ignore]
    public string Cursor { get; init; } = "";

    public IDataLoaderResult<Participant?> Sender([FromServices] UserDirectory users) => users.Load(SenderId);

    [GraphQLMetadata(Description = "The mentioned members, resolved with every other user of the request in one batched lookup.")]
    [Complexity(1, 5)]
    public IDataLoaderResult<Participant[]> Mentions([FromServices] UserDirectory users) => users.LoadMany(MentionedUserIds);
}
