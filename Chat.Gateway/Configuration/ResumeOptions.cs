using System.ComponentModel.DataAnnotations;

namespace Chat.Gateway.Configuration;

/// <summary>
/// How subscriptions resume after a client's cursor (<c>after</c>), section <c>Resume</c>: replay from the service
/// that stores the events, in batches, then live.
/// </summary>
public sealed class ResumeOptions
{
    public const string SectionName = "Resume";

    /// <summary>
    /// Most events one subscription replays. A cursor further behind gets RESYNC_REQUIRED (re-read history, subscribe
    /// again from the position the error names) instead of an unbounded replay.
    /// </summary>
    [Range(1, 1_000_000)]
    public int ReplayBudget { get; set; } = 1000;

    /// <summary>Events per replay request to the service (Messaging and Notifications accept 1–500).</summary>
    [Range(1, 500)]
    public int PageSize { get; set; } = 200;

    /// <summary>
    /// Replay requests this instance has in flight at once, over all subscriptions. A gateway restart brings every
    /// client back at the same moment; this keeps their replays from flooding Messaging and its database.
    /// </summary>
    [Range(1, 1024)]
    public int MaxConcurrentReplays { get; set; } = 8;
}
