namespace Chat.Messaging.Domain;

/// <summary>A 1:1 or group conversation. Membership lives in <see cref="ConversationMember"/> rows.</summary>
public sealed class Conversation
{
    public Guid Id { get; init; }

    public bool IsGroup { get; init; }

    public string? Title { get; set; }

    /// <summary>
    /// "smallerId:largerId" of a 1:1 conversation, null for groups. A unique index on it makes "one conversation
    /// per pair" hold even when both users create it at the same moment.
    /// </summary>
    public string? DirectKey { get; init; }

    public Guid CreatedBy { get; init; }

    /// <summary>Moved with <see cref="MessageSeq"/> in one row update, never backwards (see <c>ConversationLog</c>).</summary>
    public DateTimeOffset? LastMessageAt { get; set; }

    /// <summary>The <see cref="Message.Seq"/> of the newest message; written only by <c>ConversationLog</c>.</summary>
    public long MessageSeq { get; set; }

    /// <summary>The newest position of the change log (edits, deletions, read marks); written only by <c>ConversationLog</c>.</summary>
    public long ChangeSeq { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<ConversationMember> Members { get; init; } = [];

    public static string DirectKeyOf(Guid a, Guid b) => a.CompareTo(b) < 0 ? $"{a:N}:{b:N}" : $"{b:N}:{a:N}";
}
