using Chat.AppHost.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Chat.AppHost.Dashboard;

/// <summary><c>/api/traces</c>, <c>/api/logs</c>, <c>/api/metrics</c>: what the OTLP receiver holds, for the dashboard page.</summary>
public static class TelemetryEndpoints
{
    private const int MaxLimit = 1_000;

    public static IEndpointRouteBuilder MapTelemetryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        api.MapGet("/traces", GetTraces);
        api.MapGet("/traces/{traceId}", GetTrace);
        api.MapGet("/logs", GetLogs);
        api.MapGet("/metrics", GetMetrics);
        api.MapGet("/telemetry/stats", GetStats);
        return endpoints;
    }

    private static Ok<IReadOnlyList<TraceSummary>> GetTraces(TelemetryStore store, string? service, int limit = 100) =>
        TypedResults.Ok(store.Traces(EmptyAsNull(service), Math.Clamp(limit, 1, MaxLimit)));

    private static Results<Ok<TraceView>, ProblemHttpResult> GetTrace(TelemetryStore store, string traceId)
    {
        var spans = store.Trace(traceId.ToLowerInvariant());
        if (spans.Count == 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No such trace",
                detail: $"No span of trace '{traceId}' is held (never received, or pushed out by newer telemetry).");
        }
        return TypedResults.Ok(new TraceView(TraceSummary.Of(traceId, spans), spans));
    }

    private static Ok<IReadOnlyList<ReceivedLog>> GetLogs(TelemetryStore store, string? service, string? traceId, string? filter, int limit = 200) =>
        TypedResults.Ok(store.FindLogs(EmptyAsNull(service), EmptyAsNull(traceId), EmptyAsNull(filter), Math.Clamp(limit, 1, MaxLimit)));

    private static Ok<IReadOnlyList<MetricSeries>> GetMetrics(TelemetryStore store, string? service) =>
        TypedResults.Ok(store.LatestMetrics(EmptyAsNull(service)));

    private static Ok<TelemetryStats> GetStats(TelemetryStore store) => TypedResults.Ok(new TelemetryStats(
        store.Spans.Count, store.Spans.Dropped, store.Logs.Count, store.Logs.Dropped, store.MetricPoints.Count, store.MetricPoints.Dropped));

    private static string? EmptyAsNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
