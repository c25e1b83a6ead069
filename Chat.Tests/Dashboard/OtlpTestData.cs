using Chat.AppHost.Telemetry.Protos;
using Google.Protobuf;

namespace Chat.Tests.Dashboard;

/// <summary>Hand-built OTLP export requests, as an exporter would send them.</summary>
internal static class OtlpTestData
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    public static ByteString RandomId(int bytes) => ByteString.CopyFrom(Guid.NewGuid().ToByteArray()[..bytes]);

    public static KeyValue Attribute(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };

    public static KeyValue Attribute(string key, long value) => new() { Key = key, Value = new AnyValue { IntValue = value } };

    public static ulong UnixNanos(DateTimeOffset time) => (ulong)(time - DateTimeOffset.UnixEpoch).Ticks * 100;

    public static Span NewSpan(ByteString traceId, string name, ByteString? parent = null, int startMs = 0, int durationMs = 10) => new()
    {
        TraceId = traceId,
        SpanId = RandomId(8),
        ParentSpanId = parent ?? ByteString.Empty,
        Name = name,
        Kind = Span.Types.SpanKind.Server,
        StartTimeUnixNano = UnixNanos(Start.AddMilliseconds(startMs)),
        EndTimeUnixNano = UnixNanos(Start.AddMilliseconds(startMs + durationMs)),
    };

    public static ExportTraceServiceRequest Request(string service, params Span[] spans) => new()
    {
        ResourceSpans =
        {
            new ResourceSpans
            {
                Resource = new Resource { Attributes = { Attribute("service.name", service) } },
                ScopeSpans = { new ScopeSpans { Scope = new InstrumentationScope { Name = "Tests" }, Spans = { spans } } },
            },
        },
    };

    /// <summary>A request of <paramref name="count"/> spans of one new trace.</summary>
    public static ExportTraceServiceRequest Batch(string service, int count)
    {
        var traceId = RandomId(16);
        return Request(service, [.. Enumerable.Range(0, count).Select(index => NewSpan(traceId, $"span {index}", startMs: index))]);
    }
}
