namespace Chat.Messaging.Domain;

/// <summary>
/// A user's membership of a conversation and their read pointer: the (created_at, id) of the newest message they
/// have read. It starts at the moment they joined, so earlier history never counts as unread.
/// </summary>
public sealed class ConversationMember
{
    public Guid ConversationId { get; init; }

    public Guid UserId { get; init; }

    public DateTimeOffset JoinedAt { get; init; }

    public DateTimeOffset LastReadAt { get; set; }

    /// <summary><see cref="Guid.Empty"/> (the smallest uuid) until a message is read.</summary>
    public Guid LastReadMessageId { get; set; }

    /// <summary>Position of the member's latest read mark in the conversation's change log; 0 before the first.</summary>
    public long ReadChangeSeq { get; set; }

    /// <summary>When the member last marked something read (the read receipt's time).</summary>
    public DateTimeOffset? ReadMarkedAt { get; set; }

    /// <summary>When the member muted the conversation; null while not muted.</summary>
    public DateTimeOffset? MutedAt { get; set; }

    /// <summary>When a mute ends by itself; null for a mute until unmuted.</summary>
    public DateTimeOffset? MutedUntil { get; set; }

    public bool IsMutedAt(DateTimeOffset now) => IsMuted(MutedAt, MutedUntil, now);

    public static bool IsMuted(DateTimeOffset? mutedAt, DateTimeOffset? mutedUntil, DateTimeOffset now) =>
        mutedAt is not null && (mutedUntil is null || mutedUntil > now);

    /// <summary>Postgres xmin: two read marks racing on one pointer are detected, so it only moves forward.</summary>
    public uint Version { get; set; }
}
