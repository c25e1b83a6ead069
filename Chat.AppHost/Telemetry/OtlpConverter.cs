using Chat.AppHost.Telemetry.Protos;

namespace Chat.AppHost.Telemetry;

/// <summary>Flattens OTLP export requests (resource → scope → item) into the records the store keeps.</summary>
public static class OtlpConverter
{
    public static IEnumerable<ReceivedSpan> Spans(ExportTraceServiceRequest request) =>
        from resourceSpans in request.ResourceSpans
        let service = OtlpValues.ServiceName(resourceSpans.Resource)
        let resourceAttributes = resourceSpans.Resource is { } resource ? OtlpValues.Attributes(resource.Attributes) : []
        from scopeSpans in resourceSpans.ScopeSpans
        from span in scopeSpans.Spans
        select new ReceivedSpan(
            OtlpValues.Hex(span.TraceId) ?? "",
            OtlpValues.Hex(span.SpanId) ?? "",
            OtlpValues.Hex(span.ParentSpanId),
            span.Name,
            KindName(span.Kind),
            service,
            scopeSpans.Scope?.Name ?? "",
            OtlpValues.Time(span.StartTimeUnixNano),
            OtlpValues.Time(span.EndTimeUnixNano),
            (SpanStatus)(int)(span.Status?.Code ?? Status.Types.StatusCode.Unset),
            span.Status is { Message.Length: > 0 } status ? status.Message : null,
            OtlpValues.Attributes(span.Attributes),
            resourceAttributes,
            [.. span.Events.Select(e => new SpanEvent(OtlpValues.Time(e.TimeUnixNano), e.Name, OtlpValues.Attributes(e.Attributes)))]);

    public static IEnumerable<ReceivedLog> Logs(ExportLogsServiceRequest request) =>
        from resourceLogs in request.ResourceLogs
        let service = OtlpValues.ServiceName(resourceLogs.Resource)
        from scopeLogs in resourceLogs.ScopeLogs
        from log in scopeLogs.LogRecords
        select new ReceivedLog(
            OtlpValues.Time(log.TimeUnixNano != 0 ? log.TimeUnixNano : log.ObservedTimeUnixNano),
            service,
            // The .NET exporter puts the logger's category in the scope name.
            scopeLogs.Scope?.Name ?? "",
            log.SeverityText.Length > 0 ? log.SeverityText : SeverityName(log.SeverityNumber),
            log.SeverityNumber,
            OtlpValues.Text(log.Body),
            OtlpValues.Hex(log.TraceId),
            OtlpValues.Hex(log.SpanId),
            OtlpValues.Attributes(log.Attributes));

    public static IEnumerable<ReceivedMetricPoint> MetricPoints(ExportMetricsServiceRequest request) =>
        from resourceMetrics in request.ResourceMetrics
        let service = OtlpValues.ServiceName(resourceMetrics.Resource)
        from scopeMetrics in resourceMetrics.ScopeMetrics
        from metric in scopeMetrics.Metrics
        from point in Points(service, metric)
        select point;

    private static IEnumerable<ReceivedMetricPoint> Points(string service, Metric metric) => metric.DataCase switch
    {
        Metric.DataOneofCase.Gauge => metric.Gauge.DataPoints.Select(point => Number(service, metric, "gauge", point)),
        Metric.DataOneofCase.Sum => metric.Sum.DataPoints.Select(point => Number(service, metric, "sum", point)),
        Metric.DataOneofCase.Histogram => metric.Histogram.DataPoints.Select(point => new ReceivedMetricPoint(
            OtlpValues.Time(point.TimeUnixNano), service, metric.Name, metric.Unit, "histogram",
            point.HasSum ? point.Sum : 0, point.Count, OtlpValues.Attributes(point.Attributes))),
        _ => [],
    };

    private static ReceivedMetricPoint Number(string service, Metric metric, string type, NumberDataPoint point) => new(
        OtlpValues.Time(point.TimeUnixNano), service, metric.Name, metric.Unit, type,
        point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble,
        null, OtlpValues.Attributes(point.Attributes));

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
