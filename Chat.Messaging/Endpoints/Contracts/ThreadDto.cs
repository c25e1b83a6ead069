namespace Chat.Messaging.Endpoints.Contracts;

/// <summary>
/// A root message's thread: how many replies, when the latest came, the first few distinct repliers, and how many
/// replies of others the caller has not marked read.
/// </summary>
public sealed record ThreadDto(int ReplyCount, DateTimeOffset? LastReplyAt, IReadOnlyList<Guid> ReplierIds, int UnreadCount);
