namespace Chat.AppHost.Telemetry;

/// <summary>Something that happened at one instant during a span, such as an exception.</summary>
public sealed record SpanEvent(DateTimeOffset Timestamp, string Name, IReadOnlyList<TelemetryAttribute> Attributes);
