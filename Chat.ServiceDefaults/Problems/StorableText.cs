namespace Chat.ServiceDefaults.Problems;

/// <summary>
/// What PostgreSQL's <c>text</c> can hold: any Unicode text except U+0000. A lone UTF-16 surrogate is not Unicode
/// text at all (it has no UTF-8 form), so it is refused too rather than silently replaced.
/// </summary>
public static class StorableText
{
    /// <summary>Why <paramref name="value"/> cannot be stored, or null when it can.</summary>
    public static string? Error(ReadOnlySpan<char> value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0')
            {
                return "must not contain the NUL character (U+0000).";
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return "must be valid Unicode text (it holds an unpaired surrogate).";
            }
        }

        return null;
    }
}
