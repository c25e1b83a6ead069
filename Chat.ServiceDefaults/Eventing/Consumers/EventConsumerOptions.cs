using System.ComponentModel.DataAnnotations;

namespace Chat.ServiceDefaults.Eventing.Consumers;

/// <summary>
/// Retry and shutdown behaviour of event consumers (<c>Kafka:Consumers</c>). Kafka client settings of the consumer
/// itself (session timeout, fetch wait, ...) come from <c>Aspire:Confluent:Kafka:Consumer:Config</c>, see <see cref="KafkaClientConfigs"/>.
/// </summary>
public sealed class EventConsumerOptions
{
    public const string Section = "Kafka:Consumers";

    /// <summary>
    /// Most messages handled in one transaction: what the client has already fetched when the consumer is ready
    /// again, never waiting for more. 1 handles each message on its own.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>Handler attempts per message before it is dead-lettered.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Delay after the first failed attempt; doubles after each further failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a message being handled at shutdown may still take before its handler is cancelled.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan Backoff(int failedAttempts)
    {
        var delay = InitialBackoff.TotalMilliseconds * Math.Pow(2, Math.Max(0, failedAttempts - 1));
        return TimeSpan.FromMilliseconds(Math.Min(delay, MaxBackoff.TotalMilliseconds));
    }
}
