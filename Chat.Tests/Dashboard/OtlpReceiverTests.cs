using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Chat.AppHost.Dashboard;
using Chat.AppHost.Telemetry.Protos;
using Google.Protobuf;
using static Chat.Tests.Dashboard.OtlpTestData;

namespace Chat.Tests.Dashboard;

/// <summary>The AppHost's OTLP/HTTP receiver over real HTTP: decoding, bounded memory, bad requests.</summary>
public sealed class OtlpReceiverTests(StandaloneDashboard dashboard) : IClassFixture<StandaloneDashboard>
{
    private readonly HttpClient _client = dashboard.Client;

    private static ByteArrayContent Protobuf(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        return content;
    }

    [Fact]
    public async Task PostTraces_WithProtobufExport_TraceIsServedByTheApi()
    {
        var traceId = RandomId(16);
        var root = NewSpan(traceId, "GET /things", durationMs: 30);
        var child = NewSpan(traceId, "SELECT things", parent: root.SpanId, startMs: 10);

        using var response = await _client.PostAsync("/v1/traces", Protobuf(Request("things-service", root, child).ToByteArray()), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-protobuf", response.Content.Headers.ContentType?.MediaType);
        var trace = await _client.GetFromJsonAsync<TraceViewDto>($"/api/traces/{Convert.ToHexStringLower(traceId.Span)}", TestContext.Current.CancellationToken);
        Assert.Equal("GET /things", trace!.Summary.RootName);
        Assert.Equal(["things-service"], trace.Summary.Services);
        Assert.Equal(2, trace.Summary.SpanCount);
        Assert.Equal(30, trace.Summary.DurationMilliseconds, precision: 3);
        Assert.Equal(trace.Spans[0].SpanId, trace.Spans[1].ParentSpanId);
    }

    [Fact]
    public async Task PostTraces_FloodFarBeyondMaxSpans_KeepsOnlyTheNewestMaxSpans()
    {
        const int batches = 40, spansPerBatch = 250;
        ExportTraceServiceRequest last = null!;
        for (var batch = 0; batch < batches; batch++)
        {
            last = Batch("flood", spansPerBatch);
            using var response = await _client.PostAsync("/v1/traces", Protobuf(last.ToByteArray()), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var stats = await _client.GetFromJsonAsync<TelemetryStats>("/api/telemetry/stats", TestContext.Current.CancellationToken);
        Assert.Equal(StandaloneDashboard.MaxSpans, stats!.Spans);
        Assert.True(stats.DroppedSpans >= batches * spansPerBatch - StandaloneDashboard.MaxSpans, $"dropped {stats.DroppedSpans}");
        Assert.Equal(StandaloneDashboard.MaxSpans, dashboard.App.Dashboard!.Telemetry.Spans.Snapshot().Count);
        // The newest batch is the one kept whole.
        var newest = Convert.ToHexStringLower(last.ResourceSpans[0].ScopeSpans[0].Spans[0].TraceId.Span);
        Assert.Equal(spansPerBatch, dashboard.App.Dashboard.Telemetry.Trace(newest).Count);
    }

    [Fact]
    public async Task PostTraces_BodyOverTheLimit_Is413_WithOrWithoutContentLength()
    {
        var oversized = new byte[StandaloneDashboard.MaxRequestBodyBytes + 1];
        var telemetry = dashboard.App.Dashboard!.Telemetry;
        var before = (telemetry.Spans.Count, telemetry.Spans.Dropped);

        using var declared = await _client.PostAsync("/v1/traces", Protobuf(oversized), TestContext.Current.CancellationToken);
        var chunked = new StreamContent(new UnseekableStream(oversized));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        using var streamed = await _client.PostAsync("/v1/traces", chunked, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
        Assert.Equal("application/problem+json", declared.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, (telemetry.Spans.Count, telemetry.Spans.Dropped));
    }

    [Fact]
    public async Task PostTraces_NotProtobufOrMalformed_Is415Or400()
    {
        using var json = await _client.PostAsync("/v1/traces", JsonContent.Create(new { resourceSpans = Array.Empty<object>() }), TestContext.Current.CancellationToken);
        using var garbage = await _client.PostAsync("/v1/traces", Protobuf([0xFF, 0xFF, 0xFF, 0xFF]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal("application/problem+json", garbage.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetTrace_Unknown_Is404Problem()
    {
        using var response = await _client.GetAsync($"/api/traces/{new string('0', 31)}1", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A body the client cannot measure, so it is sent chunked without a Content-Length.</summary>
    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
