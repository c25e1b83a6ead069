namespace Chat.Notifications.Endpoints.Contracts;

/// <summary>Query string of <c>GET /notifications</c>: <c>first</c> (page size) and <c>after</c> (a previous page's endCursor).</summary>
public sealed class PageQuery
{
    public int? First { get; init; }

    public string? After { get; init; }
}
