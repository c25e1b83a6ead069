using System.Net.Http.Json;
using Chat.AppHost.Telemetry;
using Chat.ServiceDefaults;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Dashboard;

/// <summary>The services the AppHost runs export their telemetry to its receiver, and a request is one trace across them.</summary>
[Collection(DashboardAppCollection.Name)]
public sealed class TelemetryWiringTests(DashboardAppFixture fixture)
{
    [Fact]
    public async Task Register_ThroughTheGateway_IsOneTraceOfGatewayAuthAndNpgsqlSpans_ParentChildLinked()
    {
        var traceId = await TracedRegistration.SendAsync(fixture.GatewayUrl, TestContext.Current.CancellationToken);

        await TracedRegistration.WaitForCompleteTraceAsync(fixture.App.Dashboard!.Telemetry, traceId);
        using var dashboard = new HttpClient { BaseAddress = fixture.DashboardUrl };
        var trace = await dashboard.GetFromJsonAsync<TraceViewDto>($"/api/traces/{traceId}", TestContext.Current.CancellationToken);

        var spans = trace!.Spans.ToDictionary(s => s.SpanId);
        var gatewayServer = Assert.Single(trace.Spans, s => s.ServiceName == ResourceNames.Gateway && s.Kind == "Server");
        var authServer = Assert.Single(trace.Spans, s => s.ServiceName == ResourceNames.Auth && s.Kind == "Server" && s.Name.Contains("register", StringComparison.Ordinal));
        var gatewayClient = spans[authServer.ParentSpanId!];
        Assert.Equal((ResourceNames.Gateway, "Client"), (gatewayClient.ServiceName, gatewayClient.Kind));
        Assert.True(IsDescendantOf(gatewayClient, gatewayServer.SpanId, spans), "the gateway's call to auth is inside its GraphQL request");
        // The trace goes on through Kafka (user.registered reaches notifications, with database calls of its own).
        var npgsql = trace.Spans.Where(s => s.Scope == "Npgsql" && s.ServiceName == ResourceNames.Auth).ToList();
        Assert.NotEmpty(npgsql);
        Assert.All(npgsql, s => Assert.True(IsDescendantOf(s, authServer.SpanId, spans), $"{s.Name} is inside auth's request"));
        Assert.All(trace.Spans, s => Assert.Equal(traceId, s.TraceId));
        Assert.Contains(ResourceNames.Auth, trace.Summary.Services);
        Assert.Contains(ResourceNames.Gateway, trace.Summary.Services);
    }

    [Fact]
    public async Task Services_ExportStructuredLogsAndMetrics_ToTheReceiver()
    {
        var telemetry = fixture.App.Dashboard!.Telemetry;

        await Eventually.TrueAsync(
            () => telemetry.Logs.Snapshot().Any(l => l.ServiceName == ResourceNames.Gateway)
                && telemetry.MetricPoints.Snapshot().Any(p => p.ServiceName == ResourceNames.Auth),
            TimeSpan.FromSeconds(20),
            "gateway logs and auth metrics");

        Assert.Contains(telemetry.LatestMetrics(ResourceNames.Auth), s => s.Latest.Name.StartsWith("http.server", StringComparison.Ordinal) || s.Latest.Name.StartsWith("dotnet.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MessagePath_ExportsTheMetricsThatMatter_WithMessagesSentPerMinute()
    {
        var telemetry = fixture.App.Dashboard!.Telemetry;
        await TracedMessageDelivery.SendAsync(fixture, TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => Series(telemetry, ResourceNames.Messaging, "chat.messages.sent") is not null,
            TimeSpan.FromSeconds(30), "messaging to export chat.messages.sent");

        // Two more messages after the first export, so the counter grows between two points within the minute.
        await TracedMessageDelivery.SendAsync(fixture, TestContext.Current.CancellationToken);

        await Eventually.TrueAsync(() => Series(telemetry, ResourceNames.Messaging, "chat.messages.sent")?.PerMinute > 0,
            TimeSpan.FromSeconds(30), "messages sent per minute");
        string[][] expected =
        [
            [ResourceNames.Messaging, "http.server.request.duration"],
            [ResourceNames.Messaging, "chat.eventing.outbox.pending"],
            [ResourceNames.Notifications, "chat.eventing.consumer.lag"],
            [ResourceNames.Notifications, "chat.notifications.created"],
            [ResourceNames.Notifications, "chat.notifications.delivery.duration"],
            [TracedMessageDelivery.PushingGateway, "chat.gateway.websocket.connections"],
            [TracedMessageDelivery.PushingGateway, "chat.gateway.subscriptions.active"],
            [ResourceNames.Presence, "chat.presence.online_users"],
        ];
        await Eventually.TrueAsync(() => expected.All(e => Series(telemetry, e[0], e[1]) is not null), TimeSpan.FromSeconds(30),
            "every metric: " + string.Join(", ", expected.Select(e => $"{e[0]}/{e[1]}")));
        Assert.True(Series(telemetry, ResourceNames.Notifications, "chat.notifications.delivery.duration")!.Latest.Count > 0);
    }

    private static MetricSeries? Series(TelemetryStore telemetry, string service, string name) =>
        telemetry.LatestMetrics(service).FirstOrDefault(s => s.Latest.Name == name);

    private static bool IsDescendantOf(SpanDto span, string ancestorId, IReadOnlyDictionary<string, SpanDto> spans)
    {
        for (var current = span; current.ParentSpanId is { } parent; current = spans[parent])
        {
            if (parent == ancestorId)
            {
                return true;
            }
            if (!spans.ContainsKey(parent))
            {
                return false;
            }
        }
        return false;
    }
}
