namespace Chat.Gateway.Schema.Messaging;

/// <summary>Relay-style page info; pass <see cref="EndCursor"/> as <c>after</c> for the next page.</summary>
public sealed class PageInfo
{
    public bool HasNextPage { get; init; }

    public string? EndCursor { get; init; }
}
