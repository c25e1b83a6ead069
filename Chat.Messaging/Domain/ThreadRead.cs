namespace Chat.Messaging.Domain;

/// <summary>How far a member has read a thread: the seq of the newest reply they marked read.</summary>
public sealed class ThreadRead
{
    public Guid RootId { get; init; }

    public Guid UserId { get; init; }

    public long LastReadSeq { get; set; }
}
