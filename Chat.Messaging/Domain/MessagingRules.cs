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

    public static int PageSize(int? requested) => requested switch
    {
        null => DefaultPageSize,
        < 1 or > MaxPageSize => throw new InvalidInputException("limit", $"limit must be between 1 and {MaxPageSize}."),
        _ => requested.Value,
    };

    /// <summary>Postgres keeps microseconds; truncating here makes a cursor built from memory match the stored row.</summary>
    public static DateTimeOffset Now(TimeProvider time)
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - now.UtcTicks % 10, TimeSpan.Zero);
    }
}
