using Chat.AppHost.Dashboard;

namespace Chat.AppHost.Telemetry;

/// <summary>
/// What the services sent the AppHost's OTLP receiver, in bounded ring buffers (see <see cref="DashboardOptions"/>):
/// the dashboard reads it, the receiver fills it, the oldest data goes first.
/// </summary>
public sealed class TelemetryStore(DashboardOptions options)
{
    public RingBuffer<ReceivedSpan> Spans { get; } = new(options.MaxSpans);

    public RingBuffer<ReceivedLog> Logs { get; } = new(options.MaxLogs);

    public RingBuffer<ReceivedMetricPoint> MetricPoints { get; } = new(options.MaxMetricPoints);

    /// <summary>Traces, newest first, optionally only those touching <paramref name="service"/>.</summary>
    public IReadOnlyList<TraceSummary> Traces(string? service = null, int limit = 200) =>
        [.. Spans.Snapshot()
            .GroupBy(span => span.TraceId, StringComparer.Ordinal)
            .Where(trace => service is null || trace.Any(span => span.ServiceName == service))
            .Select(trace => TraceSummary.Of(trace.Key, [.. trace]))
            .OrderByDescending(summary => summary.Start)
            .Take(limit)];

    /// <summary>The spans of one trace, in start order; empty when none of it is (or still is) held.</summary>
    public IReadOnlyList<ReceivedSpan> Trace(string traceId) =>
        [.. Spans.Snapshot().Where(span => span.TraceId == traceId).OrderBy(span => span.Start)];

    public IReadOnlyList<ReceivedLog> FindLogs(string? service, string? traceId, string? text, int limit) =>
        [.. Logs.Snapshot()
            .Where(log => service is null || log.ServiceName == service)
            .Where(log => traceId is null || log.TraceId == traceId)
            .Where(log => text is null || log.Message.Contains(text, StringComparison.OrdinalIgnoreCase)
                || log.Category.Contains(text, StringComparison.OrdinalIgnoreCase))
            .Reverse()
            .Take(limit)];

    /// <summary>Every metric series per service: its latest point, and its growth per minute where that means something.</summary>
    public IReadOnlyList<MetricSeries> LatestMetrics(string? service) =>
        [.. MetricPoints.Snapshot()
            .Where(point => service is null || point.ServiceName == service)
            .GroupBy(point => (point.ServiceName, point.Name, Attributes: string.Join(',', point.Attributes.Select(a => a.Key + "=" + a.Value))))
            .Select(series => MetricSeries.Of([.. series.OrderBy(point => point.Timestamp)]))
            .OrderBy(series => series.Latest.ServiceName, StringComparer.Ordinal)
            .ThenBy(series => series.Latest.Name, StringComparer.Ordinal)];
}
