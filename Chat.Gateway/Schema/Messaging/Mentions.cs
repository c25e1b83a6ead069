using System.Text.RegularExpressions;
using Chat.Gateway.Services.Auth;

namespace Chat.Gateway.Schema.Messaging;

/// <summary>
/// <c>@username</c> in a message's text, resolved to users by Auth (usernames are 3-32 letters, digits, '_', '.',
/// '-'). A name nobody has stays plain text (an e-mail address, "@here"); a user who is not a member of the
/// conversation is refused by Messaging. Only texts with an '@' cost a lookup.
/// </summary>
public static partial class Mentions
{
    public static async Task<IReadOnlyList<Guid>> ResolveAsync(string content, AuthServiceClient auth, CancellationToken cancellationToken)
    {
        var names = Names(content);
        if (names.Count == 0)
        {
            return [];
        }

        var users = await auth.LookupUsernamesAsync(names, cancellationToken);
        return [.. users.Select(user => user.Id).Distinct()];
    }

    /// <summary>Distinct names in order, a sentence's trailing '.' or '-' not part of them, at most Auth's lookup limit.</summary>
    public static IReadOnlyList<string> Names(string content) =>
        content.Contains('@')
            ? [.. MentionPattern().Matches(content).Select(match => match.Groups[1].Value.TrimEnd('.', '-'))
                .Where(name => name.Length >= 3)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Take(AuthServiceClient.MaxLookupIds)]
            : [];

    // Not after a word character or '@', so "alice@example.com" mentions nobody.
    [GeneratedRegex(@"(?<![\w@.])@([A-Za-z0-9_.\-]{3,32})")]
    private static partial Regex MentionPattern();
}
