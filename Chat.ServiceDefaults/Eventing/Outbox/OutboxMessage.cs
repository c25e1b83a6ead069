namespace Chat.ServiceDefaults.Eventing.Outbox;

/// <summary>
/// An integration event written in the same transaction as the state change that raised it, waiting for the
/// <see cref="OutboxPublisher{TContext}"/> to ship it. <see cref="Id"/> is the order of the rows of one key.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public Guid EventId { get; set; }
    public required string Topic { get; set; }
    public required string Key { get; set; }
    public required string EventType { get; set; }

    /// <summary>The event as JSON (jsonb).</summary>
    public required string Payload { get; set; }

    /// <summary>Trace context of the writer (jsonb object of header name to value), so the trace continues at send time.</summary>
    public required string Headers { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
