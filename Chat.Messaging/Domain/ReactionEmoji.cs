using System.Collections.Frozen;
using System.Text;
using Chat.ServiceDefaults.Problems;

namespace Chat.Messaging.Domain;

/// <summary>
/// The emoji a message can be reacted with: a fixed palette, so reactions stay comparable and one member cannot
/// fill a message with arbitrary strings. Clients send them with or without the emoji presentation selector
/// (U+FE0F, "❤" and "❤️" alike); the palette's spelling is what is stored.
/// </summary>
public static class ReactionEmoji
{
    public const int MaxLength = 16;

    private const char PresentationSelector = '\uFE0F';

    public static IReadOnlyList<string> Palette { get; } =
    [
        "👍", "👎", "❤️", "😂", "😮", "😢", "😡", "🎉", "🙏", "👀", "🔥", "✅",
        "❌", "🚀", "💯", "👏", "🤔", "😄", "😍", "🙌", "👌", "💪", "😅", "🤝",
    ];

    private static readonly FrozenDictionary<string, string> ByBareForm =
        Palette.ToFrozenDictionary(Bare, emoji => emoji, StringComparer.Ordinal);

    /// <summary>The palette's spelling of <paramref name="emoji"/>, or an <see cref="InvalidInputException"/>.</summary>
    public static string Valid(string? emoji) =>
        emoji is { Length: > 0 and <= MaxLength } && ByBareForm.TryGetValue(Bare(emoji), out var known)
            ? known
            : throw new InvalidInputException("emoji", $"emoji must be one of {string.Join(' ', Palette)}.");

    private static string Bare(string emoji) => emoji.Normalize(NormalizationForm.FormC).Replace(PresentationSelector.ToString(), "", StringComparison.Ordinal);
}
