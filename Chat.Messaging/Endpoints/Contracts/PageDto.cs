namespace Chat.Messaging.Endpoints.Contracts;

/// <summary>One page of a keyset-paginated list; pass <see cref="NextCursor"/> as <c>cursor</c> for the next.</summary>
public sealed record PageDto<T>(IReadOnlyList<T> Items, string? NextCursor, bool HasNextPage);
