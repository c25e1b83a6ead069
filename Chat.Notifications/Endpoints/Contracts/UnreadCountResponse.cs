namespace Chat.Notifications.Endpoints.Contracts;

public sealed record UnreadCountResponse(int UnreadCount);
