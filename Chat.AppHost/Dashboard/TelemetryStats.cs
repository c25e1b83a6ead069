namespace Chat.AppHost.Dashboard;

/// <summary>How full the telemetry buffers are and how much the limits pushed out.</summary>
public sealed record TelemetryStats(int Spans, long DroppedSpans, int Logs, long DroppedLogs, int MetricPoints, long DroppedMetricPoints);
