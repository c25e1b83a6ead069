namespace Chat.Gateway.Services.Messaging;

/// <summary>A page as the Messaging service returns it: items (each with its cursor) and the next page's cursor.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor, bool HasNextPage);
