namespace Chat.Presence.State;

/// <summary>
/// Lua scripts that change presence. Redis runs a script atomically, so each one is a compare-and-set: it reads
/// the current status and heartbeat, flips them only if the rule still holds, and reports whether it did. When
/// several instances race (two sweepers on the same due user), exactly one sees the change.
/// A script that changes the status also parks the transition in <c>presence:pending</c> in the same step, so
/// the change cannot be lost between Redis and the database (see <see cref="History.PresenceRecorder"/>).
/// KEYS: user hash, away-due, offline-due, online set, pending. ARGV: userId, now (ms), ttl (ms), transition id, ...
/// Returns <c>{status, previous status or '', lastSeenAt ms, changed 0/1}</c>, or nil when nothing changed (sweep).
/// </summary>
public static class PresenceScripts
{
    private const string Record = """
        local function record(new, previous, lastSeen)
          local change = { id = ARGV[4], userId = ARGV[1], status = new, lastSeenAt = tostring(lastSeen), occurredAt = ARGV[2] }
          if previous then change.previousStatus = previous end
          redis.call('HSET', KEYS[5], ARGV[4], cjson.encode(change))
        end
        """;

    /// <summary>A heartbeat: AWAY, OFFLINE or unknown become ONLINE, BUSY stays BUSY, a chosen OFFLINE (invisible) stays.</summary>
    public const string Heartbeat = Record + """

        local status = redis.call('HGET', KEYS[1], 'status')
        if redis.call('HGET', KEYS[1], 'invisible') == '1' then
          redis.call('PEXPIRE', KEYS[1], ARGV[3])
          return { status, status, redis.call('HGET', KEYS[1], 'lastSeenAt'), 0 }
        end
        local new = status
        if (not status) or status == 'OFFLINE' or status == 'AWAY' then new = 'ONLINE' end
        redis.call('HSET', KEYS[1], 'status', new, 'lastSeenAt', ARGV[2])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
        if new == 'ONLINE' then
          redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
          redis.call('SADD', KEYS[4], ARGV[1])
        end
        local changed = 0
        if new ~= status then
          changed = 1
          record(new, status, ARGV[2])
        end
        return { new, status or '', ARGV[2], changed }
        """;

    /// <summary>A status the user chose (ARGV[5]); OFFLINE means invisible until they choose again.</summary>
    public const string SetStatus = Record + """

        local status = redis.call('HGET', KEYS[1], 'status')
        local new = ARGV[5]
        if new == 'OFFLINE' then
          redis.call('HSET', KEYS[1], 'status', new, 'lastSeenAt', ARGV[2], 'invisible', '1')
          redis.call('ZREM', KEYS[2], ARGV[1])
          redis.call('ZREM', KEYS[3], ARGV[1])
          redis.call('SREM', KEYS[4], ARGV[1])
        else
          redis.call('HSET', KEYS[1], 'status', new, 'lastSeenAt', ARGV[2])
          redis.call('HDEL', KEYS[1], 'invisible')
          redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
          if new == 'ONLINE' then
            redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
            redis.call('SADD', KEYS[4], ARGV[1])
          else
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('SREM', KEYS[4], ARGV[1])
          end
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        local changed = 0
        if new ~= status then
          changed = 1
          record(new, status, ARGV[2])
        end
        return { new, status or '', ARGV[2], changed }
        """;

    /// <summary>
    /// Flips one due user: OFFLINE when the last heartbeat is at or before ARGV[6], else AWAY when ONLINE and at or
    /// before ARGV[5]. The heartbeat time is re-read here, so a heartbeat that arrived after the candidate list was
    /// read wins, and a user another instance already flipped is left alone.
    /// </summary>
    public const string Sweep = Record + """

        local heartbeat = redis.call('ZSCORE', KEYS[3], ARGV[1])
        if not heartbeat then
          redis.call('ZREM', KEYS[2], ARGV[1])
          return false
        end
        local status = redis.call('HGET', KEYS[1], 'status')
        local lastSeen = redis.call('HGET', KEYS[1], 'lastSeenAt') or heartbeat
        if tonumber(heartbeat) <= tonumber(ARGV[6]) then
          redis.call('ZREM', KEYS[2], ARGV[1])
          redis.call('ZREM', KEYS[3], ARGV[1])
          redis.call('SREM', KEYS[4], ARGV[1])
          if status == 'OFFLINE' then return false end
          redis.call('HSET', KEYS[1], 'status', 'OFFLINE', 'lastSeenAt', lastSeen)
          redis.call('HDEL', KEYS[1], 'invisible')
          redis.call('PEXPIRE', KEYS[1], ARGV[3])
          record('OFFLINE', status, lastSeen)
          return { 'OFFLINE', status or '', lastSeen, 1 }
        end
        local awayHeartbeat = redis.call('ZSCORE', KEYS[2], ARGV[1])
        if status == 'ONLINE' and awayHeartbeat and tonumber(awayHeartbeat) <= tonumber(ARGV[5]) then
          redis.call('ZREM', KEYS[2], ARGV[1])
          redis.call('SREM', KEYS[4], ARGV[1])
          redis.call('HSET', KEYS[1], 'status', 'AWAY')
          record('AWAY', 'ONLINE', lastSeen)
          return { 'AWAY', 'ONLINE', lastSeen, 1 }
        end
        if status ~= 'ONLINE' then redis.call('ZREM', KEYS[2], ARGV[1]) end
        return false
        """;
}
