namespace Chat.Messaging.Endpoints.Contracts;

/// <summary>
/// One text of a message, oldest first: version 1 is what was sent; the last is the current text (with
/// <see cref="ReplacedAt"/> null).
/// </summary>
public sealed record MessageVersionDto(int Version, string Content, DateTimeOffset WrittenAt, DateTimeOffset? ReplacedAt);
