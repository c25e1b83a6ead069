namespace Chat.Presence.State;

/// <summary>
/// The Redis keys presence uses. Every script gets the same five keys in the same order (see
/// <see cref="PresenceScripts"/>), so a script never touches a key it was not given.
/// </summary>
public static class PresenceKeys
{
    /// <summary>Hash per user: <c>status</c>, <c>lastSeenAt</c> (Unix ms), <c>invisible</c> when OFFLINE was chosen.</summary>
    public static string User(Guid userId) => "presence:" + userId.ToString("D");

    /// <summary>Sorted set of ONLINE users scored by their last heartbeat: who may be due to turn AWAY.</summary>
    public const string AwayDue = "presence:due:away";

    /// <summary>Sorted set of signed-in users (ONLINE, AWAY, BUSY) scored by last heartbeat: who may be due to turn OFFLINE.</summary>
    public const string OfflineDue = "presence:due:offline";

    /// <summary>Set of ONLINE users, for the active-users gauge.</summary>
    public const string Online = "presence:online";

    /// <summary>Hash of accepted transitions whose history row and event are not yet written, by transition id.</summary>
    public const string Pending = "presence:pending";

    /// <summary>Pub/sub channel of every status change: JSON <c>{userId, status, lastSeenAt}</c>.</summary>
    public const string UpdatesChannel = "presence:updates";
}
