using Chat.ServiceDefaults.Problems;

namespace Chat.Messaging.Domain;

/// <summary>The limits of the messaging domain, checked before anything is stored.</summary>
public static class MessagingRules
{
    public const int MaxContentLength = 4000;
    public const int MaxClientMessageIdLength = 200;
    public const int MaxTitleLength = 200;
    public const int MaxGroupMembers = 256;
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxSearchQueryLength = 200;
    public const int ThreadRepliersShown = 3;
    public const int DefaultReplayPageSize = 100;
    public const int MaxReplayPageSize = 500;

    /// <summary>The trimmed content, or an <see cref="InvalidInputException"/> naming the field.</summary>
    public static string ValidContent(string? content)
    {
        var trimmed = content?.Trim() ?? "";
        return trimmed.Length switch
        {
            0 => throw new InvalidInputException("content", "Content must not be empty."),
            > MaxContentLength => throw new InvalidInputException("content", $"Content must be at most {MaxContentLength} characters."),
            _ => trimmed,
        };
    }

    public static string? ValidClientMessageId(string? clientMessageId) => clientMessageId switch
    {
        null => null,
        { Length: 0 or > MaxClientMessageIdLength } => throw new InvalidInputException(
            "clientMessageId", $"clientMessageId must be 1 to {MaxClientMessageIdLength} characters."),
        _ => clientMessageId,
    };

    /// <summary>Distinct ids; at most as many as a group has members (each must be one, checked at send).</summary>
    public static IReadOnlyList<Guid> ValidMentions(IReadOnlyList<Guid>? mentionedUserIds) => mentionedUserIds switch
    {
        null or [] => [],
        { Count: > MaxGroupMembers } => throw new InvalidInputException(
            "mentionedUserIds", $"A message can mention at most {MaxGroupMembers} members."),
        _ when mentionedUserIds.Contains(Guid.Empty) => throw new InvalidInputException("mentionedUserIds", "mentionedUserIds must be user ids."),
        _ => [.. mentionedUserIds.Distinct()],
    };

    public static int PageSize(int? requested) => requested switch
    {
        null => DefaultPageSize,
        < 1 or > MaxPageSize => throw new InvalidInputException("limit", $"limit must be between 1 and {MaxPageSize}."),
        _ => requested.Value,
    };

    /// <summary>Batches of a replay (resume after a position) may be larger than history pages, but are bounded too.</summary>
    public static int ReplayPageSize(int? requested) => requested switch
    {
        null => DefaultReplayPageSize,
        < 1 or > MaxReplayPageSize => throw new InvalidInputException("limit", $"limit must be between 1 and {MaxReplayPageSize}."),
        _ => requested.Value,
    };

    public static long ReplayPosition(long? after) => after switch
    {
        null => 0,
        < 0 => throw new InvalidInputException("after", "after must be a position (0 or more)."),
        _ => after.Value,
    };

    /// <summary>Postgres keeps microseconds; truncating here makes a cursor built from memory match the stored row.</summary>
    public static DateTimeOffset Now(TimeProvider time)
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - now.UtcTicks % 10, TimeSpan.Zero);
    }
}
