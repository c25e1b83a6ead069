using System.ComponentModel.DataAnnotations;

namespace Chat.Gateway.Configuration;

/// <summary>
/// Time budget of calls to services while a client waits, section <c>Downstream</c>: a dead service must become
/// SERVICE_UNAVAILABLE in a few seconds, not a request hanging for the 30 s of the standard resilience defaults.
/// </summary>
public sealed class DownstreamOptions
{
    public const string SectionName = "Downstream";

    /// <summary>One attempt; long enough for a bcrypt-bound login queued behind a few others.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>All attempts together (GET is retried once after a fast failure, other methods never).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:02:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(2.5);
}
