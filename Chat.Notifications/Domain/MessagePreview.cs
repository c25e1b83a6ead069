using System.Globalization;
using System.Text;

namespace Chat.Notifications.Domain;

/// <summary>The short text of a "new message" notification: whitespace collapsed, cut on a character boundary.</summary>
public static class MessagePreview
{
    public const int MaxLength = 100;

    /// <summary>UTF-16 units; stops text made of long combining sequences from outgrowing the column.</summary>
    public const int MaxUtf16Length = 400;

    /// <summary>What a notification says instead of the text once its message was deleted.</summary>
    public const string Deleted = "This message was deleted.";

    private const string Ellipsis = "…";

    public static string From(string content)
    {
        var collapsed = string.Join(' ', content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Length <= MaxLength)
        {
            return collapsed;
        }

        // Text elements, not chars: an emoji or a letter with combining marks is never cut in half.
        var preview = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(collapsed);
        var count = 0;
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (count == MaxLength - 1 || preview.Length + element.Length > MaxUtf16Length - Ellipsis.Length)
            {
                return preview.ToString().TrimEnd() + Ellipsis;
            }

            preview.Append(element);
            count++;
        }

        return preview.ToString();
    }
}
