namespace Chat.Gateway.Realtime;

/// <summary>
/// One replay batch as Messaging and Notifications return it: items after a position, oldest first;
/// <see cref="Position"/> continues it, <see cref="Latest"/> is the newest position when it was read.
/// </summary>
public sealed record LogPage<T>(IReadOnlyList<T> Items, long Position, bool HasMore, long Latest);
