namespace Chat.Notifications.Delivery;

/// <summary>
/// A user's unread and total counts read in one statement, with <see cref="Through"/>, the highest position
/// (<c>Seq</c>) that statement saw: positions follow commit order, so the counts cover exactly positions 1 … Through.
/// </summary>
public sealed record NotificationCounts(int Unread, int Total, long Through);
