using System.Diagnostics.Metrics;

namespace Chat.Presence.Telemetry;

/// <summary>
/// Meter <c>Chat.Presence</c>: gauge <c>chat.presence.online_users</c>, the number of ONLINE users as of the last
/// sweep (read from Redis by the sweeper; a gauge callback must not block on the network).
/// </summary>
public sealed class PresenceMetrics
{
    public const string MeterName = "Chat.Presence";

    private long _onlineUsers;

    public PresenceMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("chat.presence.online_users", () => Interlocked.Read(ref _onlineUsers),
            unit: "{user}", description: "Users whose status is ONLINE.");
    }

    public void SetOnlineUsers(long count) => Interlocked.Exchange(ref _onlineUsers, count);
}
