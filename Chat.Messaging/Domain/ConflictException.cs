namespace Chat.Messaging.Domain;

/// <summary>409: the request contradicts the current state (editing a deleted message, adding to a 1:1 chat, ...).</summary>
public sealed class ConflictException(string message) : Exception(message);
