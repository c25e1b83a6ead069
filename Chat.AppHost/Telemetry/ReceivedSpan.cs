namespace Chat.AppHost.Telemetry;

/// <summary>A span as received over OTLP: ids in lowercase hex, times in UTC, attributes as text.</summary>
public sealed record ReceivedSpan(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    string Kind,
    string ServiceName,
    string Scope,
    DateTimeOffset Start,
    DateTimeOffset End,
    SpanStatus Status,
    string? StatusMessage,
    IReadOnlyList<TelemetryAttribute> Attributes,
    IReadOnlyList<TelemetryAttribute> ResourceAttributes,
    IReadOnlyList<SpanEvent> Events)
{
    public double DurationMilliseconds => (End - Start).TotalMilliseconds;

    /// <summary>The value of the span's attribute <paramref name="key"/>, or null when it has none.</summary>
    public string? Attribute(string key) => Attributes.FirstOrDefault(attribute => attribute.Key == key)?.Value;
}
