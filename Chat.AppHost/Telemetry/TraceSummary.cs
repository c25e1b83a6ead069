namespace Chat.AppHost.Telemetry;

/// <summary>One line of the trace list: what started it, which services it touched, how long it took, whether it failed.</summary>
public sealed record TraceSummary(
    string TraceId,
    string RootName,
    string RootService,
    IReadOnlyList<string> Services,
    int SpanCount,
    DateTimeOffset Start,
    double DurationMilliseconds,
    bool HasError)
{
    public static TraceSummary Of(string traceId, IReadOnlyList<ReceivedSpan> spans)
    {
        var ids = spans.Select(span => span.SpanId).ToHashSet(StringComparer.Ordinal);
        // The root may not have arrived yet (its service exports later): the earliest orphan stands in for it.
        var root = spans
            .OrderBy(span => span.ParentSpanId is null || !ids.Contains(span.ParentSpanId) ? 0 : 1)
            .ThenBy(span => span.Start)
            .First();
        var start = spans.Min(span => span.Start);
        var end = spans.Max(span => span.End);
        return new TraceSummary(
            traceId,
            root.Name,
            root.ServiceName,
            [.. spans.Select(span => span.ServiceName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            spans.Count,
            start,
            (end - start).TotalMilliseconds,
            spans.Any(span => span.Status == SpanStatus.Error));
    }
}
