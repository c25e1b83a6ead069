using Chat.AppHost.Dashboard;
using Chat.AppHost.Telemetry.Protos;

namespace Chat.AppHost.Telemetry;

/// <summary>Flattens OTLP export requests (resource → scope → item) into the records the store keeps.</summary>
public sealed class OtlpConverter(DashboardOptions options)
{
    private readonly OtlpValues _values = new(options);

    public IEnumerable<ReceivedSpan> Spans(ExportTraceServiceRequest request) =>
        from resourceSpans in request.ResourceSpans
        let service = _values.ServiceName(resourceSpans.Resource)
        let resourceAttributes = resourceSpans.Resource is { } resource ? _values.Attributes(resource.Attributes) : []
        from scopeSpans in resourceSpans.ScopeSpans
        from span in scopeSpans.Spans
        select new ReceivedSpan(
            OtlpValues.Hex(span.TraceId) ?? "",
            OtlpValues.Hex(span.SpanId) ?? "",
            OtlpValues.Hex(span.ParentSpanId),
            _values.Cut(span.Name),
            KindName(span.Kind),
            service,
            _values.Cut(scopeSpans.Scope?.Name ?? ""),
            OtlpValues.Time(span.StartTimeUnixNano),
            OtlpValues.Time(span.EndTimeUnixNano),
            (SpanStatus)(int)(span.Status?.Code ?? Status.Types.StatusCode.Unset),
            span.Status is { Message.Length: > 0 } status ? status.Message : null,
            _values.Attributes(span.Attributes),
            resourceAttributes,
            _values.Limit(span.Events.Select(e => new SpanEvent(OtlpValues.Time(e.TimeUnixNano), _values.Cut(e.Name), _values.Attributes(e.Attributes)))));

    public IEnumerable<ReceivedLog> Logs(ExportLogsServiceRequest request) =>
        from resourceLogs in request.ResourceLogs
        let service = _values.ServiceName(resourceLogs.Resource)
        from scopeLogs in resourceLogs.ScopeLogs
        from log in scopeLogs.LogRecords
        select new ReceivedLog(
            OtlpValues.Time(log.TimeUnixNano != 0 ? log.TimeUnixNano : log.ObservedTimeUnixNano),
            service,
            // The .NET exporter puts the logger's category in the scope name.
            _values.Cut(scopeLogs.Scope?.Name ?? ""),
            log.SeverityText.Length > 0 ? log.SeverityText : SeverityName(log.SeverityNumber),
            log.SeverityNumber,
            _values.Text(log.Body),
            OtlpValues.Hex(log.TraceId),
            OtlpValues.Hex(log.SpanId),
            _values.Attributes(log.Attributes));

    public IEnumerable<ReceivedMetricPoint> MetricPoints(ExportMetricsServiceRequest request) =>
        from resourceMetrics in request.ResourceMetrics
        let service = _values.ServiceName(resourceMetrics.Resource)
        from scopeMetrics in resourceMetrics.ScopeMetrics
        from metric in scopeMetrics.Metrics
        from point in Points(service, metric)
        select point;

    private IEnumerable<ReceivedMetricPoint> Points(string service, Metric metric) => metric.DataCase switch
    {
        Metric.DataOneofCase.Gauge => metric.Gauge.DataPoints.Select(point => Number(service, metric, "gauge", point)),
        Metric.DataOneofCase.Sum => metric.Sum.DataPoints.Select(point => Number(service, metric, metric.Sum.IsMonotonic ? "counter" : "sum", point)),
        Metric.DataOneofCase.Histogram => metric.Histogram.DataPoints.Select(point => new ReceivedMetricPoint(
            OtlpValues.Time(point.TimeUnixNano), service, metric.Name, metric.Unit, "histogram",
            point.HasSum ? point.Sum : 0, point.Count, _values.Attributes(point.Attributes))),
        _ => [],
    };

    private ReceivedMetricPoint Number(string service, Metric metric, string type, NumberDataPoint point) => new(
        OtlpValues.Time(point.TimeUnixNano), service, metric.Name, metric.Unit, type,
        point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble,
        null, _values.Attributes(point.Attributes));

    private static string KindName(Span.Types.SpanKind kind) => kind switch
    {
        Span.Types.SpanKind.Internal => "Internal",
        Span.Types.SpanKind.Server => "Server",
        Span.Types.SpanKind.Client => "Client",
        Span.Types.SpanKind.Producer => "Producer",
        Span.Types.SpanKind.Consumer => "Consumer",
        _ => "Unspecified",
    };

    private static string SeverityName(int number) => number switch
    {
        >= 21 => "Fatal",
        >= 17 => "Error",
        >= 13 => "Warning",
        >= 9 => "Information",
        >= 5 => "Debug",
        >= 1 => "Trace",
        _ => "",
    };
}
