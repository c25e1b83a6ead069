namespace Chat.Gateway.Services;

/// <summary>
/// What a service's REST parameters are called in the GraphQL schema, for the calls where they differ
/// (<c>limit</c> is <c>first</c>, <c>cursor</c> is <c>after</c>, <c>q</c> is <c>query</c>): a client that sent
/// <c>messages(first: 0)</c> must read about <c>first</c>, never about a parameter it cannot see.
/// </summary>
public sealed class ArgumentNames(IReadOnlyDictionary<string, string> graphQLNameByRestName)
{
    /// <summary>The keyset paging of conversations and message history.</summary>
    public static ArgumentNames Paging { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["limit"] = "first",
        ["cursor"] = "after",
    });

    /// <summary><c>searchMessages(query, first, after)</c>.</summary>
    public static ArgumentNames Search { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["q"] = "query",
        ["limit"] = "first",
        ["cursor"] = "after",
    });

    /// <summary><c>sendMessage</c>: the gateway resolves the text's @usernames into <c>mentionedUserIds</c>.</summary>
    public static ArgumentNames Send { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["mentionedUserIds"] = "content",
    });

    /// <summary>Names that are the same on both sides.</summary>
    public static ArgumentNames Same { get; } = new(new Dictionary<string, string>());

    public string Rename(string restName) => graphQLNameByRestName.GetValueOrDefault(restName, restName);

    /// <summary>
    /// The services phrase rule violations as "&lt;parameter&gt; must be …"; only that leading name is changed, so
    /// nothing else in a message can be rewritten by accident.
    /// </summary>
    public string RenameInMessage(string message)
    {
        foreach (var (restName, graphQLName) in graphQLNameByRestName)
        {
            if (message.StartsWith(restName + " ", StringComparison.Ordinal))
            {
                return graphQLName + message[restName.Length..];
            }
        }
        return message;
    }
}
