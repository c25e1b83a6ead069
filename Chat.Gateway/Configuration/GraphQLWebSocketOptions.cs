using System.ComponentModel.DataAnnotations;

namespace Chat.Gateway.Configuration;

/// <summary>The <c>graphql-transport-ws</c> endpoint and its real-time feeds, section <c>WebSockets</c>.</summary>
public sealed class GraphQLWebSocketOptions
{
    public const string SectionName = "WebSockets";

    /// <summary>How long a client has to send <c>connection_init</c> before the socket is closed with 4408.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Outgoing messages queued per connection. A client that lets more pile up is too slow and is closed with
    /// 1013, so a connection's memory stays bounded whatever it subscribes to.
    /// </summary>
    [Range(1, 100_000)]
    public int SendQueueCapacity { get; set; } = 512;

    /// <summary>Largest accepted client message; a subscribe with its variables fits easily.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>How long a closing connection may take to flush and exchange close frames before it is aborted.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a connected user's presence is refreshed (Presence marks users AWAY after 60 s without one).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PresenceHeartbeatInterval { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>
    /// Most presence calls (heartbeats, OFFLINE) one gateway has in flight: a storm of connections queues its
    /// heartbeats here instead of opening a socket to Presence for each.
    /// </summary>
    [Range(1, 1024)]
    public int MaxConcurrentPresenceCalls { get; set; } = 8;

    /// <summary>Repeats of the same typing state per user and conversation within this window are not relayed.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan TypingThrottle { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a membership answer from Messaging is reused for a user and conversation.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MembershipCacheDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Most users one <c>presenceChanged</c> subscription may watch.</summary>
    [Range(1, 10_000)]
    public int MaxPresenceUserIds { get; set; } = 500;
}
