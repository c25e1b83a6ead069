using System.ComponentModel.DataAnnotations;

namespace Chat.ServiceDefaults.Eventing.Outbox;

/// <summary>Outbox publisher settings (<c>Kafka:Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public const string Section = "Kafka:Outbox";

    /// <summary>Most rows shipped per transaction.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>How often the table is polled for rows written by other instances or left by a crash.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Pause after a failed batch (Kafka or the database unreachable) before trying again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Sent rows are kept this long (for audits and replays), then deleted.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan RetainSent { get; set; } = TimeSpan.FromDays(1);
}
