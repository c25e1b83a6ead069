namespace Chat.Messaging.Domain;

/// <summary>403: a member tried something only another member may do (edit someone else's message, ...).</summary>
public sealed class ForbiddenException(string message) : Exception(message);
