using Chat.Gateway.Services.Auth;
using GraphQL;
using GraphQL.DataLoader;

namespace Chat.Gateway.Schema.Messaging;

/// <summary>A root message's thread as the caller sees it; <c>thread(messageId)</c> pages its replies.</summary>
public sealed class ThreadSummary
{
    public int ReplyCount { get; init; }

    public DateTimeOffset? LastReplyAt { get; init; }

    [GraphQLMetadata(Description = "Replies of others the caller has not marked read (markThreadRead).")]
    public int UnreadCount { get; init; }

    [Id]
    [GraphQLMetadata(Description = "The first few distinct repliers, in the order they first replied.")]
    public IReadOnlyList<Guid> ReplierIds { get; init; } = [];

    [Complexity(1, 3)]
    public IDataLoaderResult<Participant[]> Repliers([FromServices] UserDirectory users) => users.LoadMany(ReplierIds);
}
