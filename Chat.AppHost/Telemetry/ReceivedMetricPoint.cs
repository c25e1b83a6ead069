namespace Chat.AppHost.Telemetry;

/// <summary>
/// One data point of a metric: the value of a gauge or sum; for a histogram, its count and sum
/// (enough for "how many, how long on average" without keeping the buckets).
/// </summary>
public sealed record ReceivedMetricPoint(
    DateTimeOffset Timestamp,
    string ServiceName,
    string Name,
    string Unit,
    string Type,
    double Value,
    ulong? Count,
    IReadOnlyList<TelemetryAttribute> Attributes);
