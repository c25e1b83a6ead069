namespace Chat.Messaging.Endpoints.Contracts;

/// <summary>A member who reacted with an emoji, and when; <see cref="Cursor"/> pages on.</summary>
public sealed record ReactorDto(Guid UserId, string Emoji, DateTimeOffset ReactedAt, string Cursor);
