using Chat.AppHost.Dashboard;
using Chat.AppHost.Telemetry;
using Chat.AppHost.Telemetry.Protos;
using Google.Protobuf;
using static Chat.Tests.Dashboard.OtlpTestData;

namespace Chat.Tests.Dashboard;

public sealed class OtlpConverterTests
{
    private static readonly OtlpConverter Converter = new(new DashboardOptions());

    [Fact]
    public void Spans_WithMoreOrLongerAttributesThanTheLimits_AreCut()
    {
        var options = new DashboardOptions { MaxAttributeCount = 10, MaxAttributeLength = 100 };
        var span = NewSpan(RandomId(16), new string('n', 500));
        span.Attributes.Add(Enumerable.Range(0, 50).Select(index => Attribute($"key{index}", new string('v', 10_000))));
        span.Events.Add(Enumerable.Range(0, 50).Select(index => new Span.Types.Event { Name = $"event {index}" }));

        var received = Assert.Single(new OtlpConverter(options).Spans(Request("big", span)));

        Assert.Equal(10, received.Attributes.Count);
        Assert.All(received.Attributes, attribute => Assert.Equal(101, attribute.Value.Length));
        Assert.Equal(10, received.Events.Count);
        Assert.Equal(101, received.Name.Length);
    }

    [Fact]
    public void Spans_FromEncodedExportTraceServiceRequest_KeepIdsTimesAttributesStatusAndEvents()
    {
        var traceId = ByteString.CopyFrom(Convert.FromHexString("0af7651916cd43dd8448eb211c80319c"));
        var root = NewSpan(traceId, "POST /graphql", durationMs: 40);
        var child = NewSpan(traceId, "POST /auth/register", parent: root.SpanId, startMs: 5, durationMs: 20);
        child.Kind = Span.Types.SpanKind.Client;
        child.Attributes.Add(Attribute("http.response.status_code", 500));
        child.Status = new Status { Code = Status.Types.StatusCode.Error, Message = "boom" };
        child.Events.Add(new Span.Types.Event { Name = "exception", TimeUnixNano = UnixNanos(Start.AddMilliseconds(10)), Attributes = { Attribute("exception.type", "IOException") } });
        var bytes = Request("gateway", root, child).ToByteArray();

        var spans = Converter.Spans(ExportTraceServiceRequest.Parser.ParseFrom(bytes)).ToList();

        Assert.Equal(2, spans.Count);
        var (first, second) = (spans[0], spans[1]);
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", first.TraceId);
        Assert.Null(first.ParentSpanId);
        Assert.Equal(first.SpanId, second.ParentSpanId);
        Assert.Equal(16, first.SpanId.Length);
        Assert.Equal("gateway", second.ServiceName);
        Assert.Equal("Tests", second.Scope);
        Assert.Equal("Client", second.Kind);
        Assert.Equal(Start.AddMilliseconds(5), second.Start);
        Assert.Equal(20, second.DurationMilliseconds, precision: 3);
        Assert.Equal(SpanStatus.Error, second.Status);
        Assert.Equal("boom", second.StatusMessage);
        Assert.Contains(new TelemetryAttribute("http.response.status_code", "500"), second.Attributes);
        Assert.Contains(new TelemetryAttribute("service.name", "gateway"), second.ResourceAttributes);
        var exception = Assert.Single(second.Events);
        Assert.Equal("exception", exception.Name);
        Assert.Equal([new TelemetryAttribute("exception.type", "IOException")], exception.Attributes);
    }

    [Fact]
    public void Logs_FromEncodedExportLogsServiceRequest_KeepMessageCategoryAndTraceLink()
    {
        var traceId = RandomId(16);
        var spanId = RandomId(8);
        var request = new ExportLogsServiceRequest
        {
            ResourceLogs =
            {
                new ResourceLogs
                {
                    Resource = new Resource { Attributes = { Attribute("service.name", "auth") } },
                    ScopeLogs =
                    {
                        new ScopeLogs
                        {
                            Scope = new InstrumentationScope { Name = "Chat.Auth.Endpoints" },
                            LogRecords =
                            {
                                new LogRecord
                                {
                                    TimeUnixNano = UnixNanos(Start), SeverityNumber = 13, Body = new AnyValue { StringValue = "User registered" },
                                    TraceId = traceId, SpanId = spanId, Attributes = { Attribute("UserId", "42") },
                                },
                            },
                        },
                    },
                },
            },
        };

        var log = Assert.Single(Converter.Logs(ExportLogsServiceRequest.Parser.ParseFrom(request.ToByteArray())));

        Assert.Equal(("auth", "Chat.Auth.Endpoints", "Warning", "User registered"), (log.ServiceName, log.Category, log.Severity, log.Message));
        Assert.Equal(Convert.ToHexStringLower(traceId.Span), log.TraceId);
        Assert.Equal(Convert.ToHexStringLower(spanId.Span), log.SpanId);
        Assert.Equal(Start, log.Timestamp);
    }

    [Fact]
    public void MetricPoints_FromSumAndHistogram_KeepValueOrCountAndSum()
    {
        var request = new ExportMetricsServiceRequest
        {
            ResourceMetrics =
            {
                new ResourceMetrics
                {
                    Resource = new Resource { Attributes = { Attribute("service.name", "gateway") } },
                    ScopeMetrics =
                    {
                        new ScopeMetrics
                        {
                            Metrics =
                            {
                                new Metric { Name = "requests", Unit = "{request}", Sum = new Sum { IsMonotonic = true, DataPoints = { new NumberDataPoint { AsInt = 7, TimeUnixNano = UnixNanos(Start) } } } },
                                new Metric { Name = "duration", Unit = "s", Histogram = new Histogram { DataPoints = { new HistogramDataPoint { Count = 3, Sum = 0.6, TimeUnixNano = UnixNanos(Start) } } } },
                            },
                        },
                    },
                },
            },
        };

        var points = Converter.MetricPoints(ExportMetricsServiceRequest.Parser.ParseFrom(request.ToByteArray())).ToList();

        Assert.Equal(2, points.Count);
        Assert.Equal(("gateway", "requests", "counter", 7d), (points[0].ServiceName, points[0].Name, points[0].Type, points[0].Value));
        Assert.Equal(("histogram", 0.6, 3UL), (points[1].Type, points[1].Value, points[1].Count!.Value));
    }
}
