namespace Chat.AppHost.Telemetry;

/// <summary>A structured log record as received over OTLP, linked to its trace when it was written inside one.</summary>
public sealed record ReceivedLog(
    DateTimeOffset Timestamp,
    string ServiceName,
    string Category,
    string Severity,
    int SeverityNumber,
    string Message,
    string? TraceId,
    string? SpanId,
    IReadOnlyList<TelemetryAttribute> Attributes);
