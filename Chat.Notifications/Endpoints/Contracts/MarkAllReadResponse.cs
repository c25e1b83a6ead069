namespace Chat.Notifications.Endpoints.Contracts;

/// <summary>How many notifications were unread and are now read.</summary>
public sealed record MarkAllReadResponse(int Updated);
