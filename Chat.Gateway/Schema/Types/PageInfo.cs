namespace Chat.Gateway.Schema.Types;

/// <summary>Relay-style paging state: pass <see cref="EndCursor"/> as <c>after</c> to get the next page.</summary>
public sealed class PageInfo
{
    public bool HasNextPage { get; init; }

    public string? EndCursor { get; init; }
}
