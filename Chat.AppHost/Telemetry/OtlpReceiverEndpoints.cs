using Chat.AppHost.Dashboard;
using Chat.AppHost.Telemetry.Protos;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Chat.AppHost.Telemetry;

/// <summary>
/// OTLP/HTTP with binary protobuf (<c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>): the exporters of the
/// services the AppHost runs post to <c>/v1/traces</c>, <c>/v1/logs</c> and <c>/v1/metrics</c>.
/// </summary>
public static class OtlpReceiverEndpoints
{
    private const string ProtobufContentType = "application/x-protobuf";

    public static IEndpointRouteBuilder MapOtlpReceiver(this IEndpointRouteBuilder endpoints)
    {
        var otlp = endpoints.MapGroup("/v1").DisableAntiforgery();
        otlp.MapPost("/traces", ReceiveTraces);
        otlp.MapPost("/logs", ReceiveLogs);
        otlp.MapPost("/metrics", ReceiveMetrics);
        return endpoints;
    }

    private static Task<IResult> ReceiveTraces(HttpRequest request, TelemetryStore store, OtlpConverter converter, DashboardOptions options, CancellationToken cancellationToken) =>
        ReceiveAsync(request, options, ExportTraceServiceRequest.Parser, new ExportTraceServiceResponse(),
            message => store.Spans.AddRange(converter.Spans(message)), cancellationToken);

    private static Task<IResult> ReceiveLogs(HttpRequest request, TelemetryStore store, OtlpConverter converter, DashboardOptions options, CancellationToken cancellationToken) =>
        ReceiveAsync(request, options, ExportLogsServiceRequest.Parser, new ExportLogsServiceResponse(),
            message => store.Logs.AddRange(converter.Logs(message)), cancellationToken);

    private static Task<IResult> ReceiveMetrics(HttpRequest request, TelemetryStore store, OtlpConverter converter, DashboardOptions options, CancellationToken cancellationToken) =>
        ReceiveAsync(request, options, ExportMetricsServiceRequest.Parser, new ExportMetricsServiceResponse(),
            message => store.MetricPoints.AddRange(converter.MetricPoints(message)), cancellationToken);

    private static async Task<IResult> ReceiveAsync<TRequest>(
        HttpRequest request,
        DashboardOptions options,
        MessageParser<TRequest> parser,
        IMessage response,
        Action<TRequest> store,
        CancellationToken cancellationToken)
        where TRequest : IMessage<TRequest>
    {
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), ProtobufContentType, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type",
                detail: $"The receiver accepts OTLP/HTTP with binary protobuf ({ProtobufContentType}); set OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf.");
        }
        var body = await OtlpRequestBody.ReadAsync(request, options.MaxRequestBodyBytes, cancellationToken);
        if (body is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Payload too large",
                detail: $"An OTLP export may be at most {options.MaxRequestBodyBytes} bytes (Dashboard:MaxRequestBodyBytes).");
        }
        TRequest message;
        try
        {
            message = parser.ParseFrom(body);
        }
        catch (InvalidProtocolBufferException exception)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed OTLP protobuf", detail: exception.Message);
        }
        store(message);
        return new ProtobufResult(response);
    }

    private sealed class ProtobufResult(IMessage message) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = ProtobufContentType;
            return httpContext.Response.Body.WriteAsync(message.ToByteArray()).AsTask();
        }
    }
}
