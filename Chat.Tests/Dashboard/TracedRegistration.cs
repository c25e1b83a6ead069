using System.Text.Json.Nodes;
using Chat.AppHost.Telemetry;
using Chat.ServiceDefaults;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Dashboard;

/// <summary>A traced <c>register</c> mutation (see <see cref="TracedGraphQL"/>), and a wait for its trace.</summary>
internal static class TracedRegistration
{
    private const string Register = "mutation($input: RegisterInput!) { register(input: $input) { user { id } } }";

    /// <summary>
    /// Registers a fresh user and returns the trace id. Retries (as a new user, in a new trace) when the gateway
    /// answers SERVICE_UNAVAILABLE: on a loaded 2-core box bcrypt can outlast the gateway's downstream time budget,
    /// and that budget is not what these tests are about.
    /// </summary>
    public static async Task<string> SendAsync(Uri gatewayUrl, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (traceId, body) = await TrySendAsync(gatewayUrl, cancellationToken);
            if (body["data"]?["register"]?["user"]?["id"] is not null)
            {
                return traceId;
            }
            if (attempt == 3 || body["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>() != "SERVICE_UNAVAILABLE")
            {
                throw new InvalidOperationException($"register failed: {body.ToJsonString()}");
            }
        }
    }

    private static Task<(string TraceId, JsonNode Body)> TrySendAsync(Uri gatewayUrl, CancellationToken cancellationToken)
    {
        var name = "trace" + Guid.NewGuid().ToString("N")[..10];
        return TracedGraphQL.PostAsync(gatewayUrl, Register,
            new { input = new { email = $"{name}@example.com", username = name, password = "correct horse 1" } }, null, cancellationToken);
    }

    /// <summary>
    /// Waits until the trace's gateway and auth part has arrived whole: the gateway's server span is its only span
    /// without a parent among them (services export in batches, so spans come in over a second or two), and auth's database calls are in.
    /// </summary>
    public static Task WaitForCompleteTraceAsync(TelemetryStore telemetry, string traceId) =>
        Eventually.ReturnsAsync(() =>
        {
            // The trace goes on through Kafka (user.registered → notifications); this checks its HTTP part.
            var all = telemetry.Trace(traceId);
            var spans = all.Where(s => s.ServiceName is ResourceNames.Gateway or ResourceNames.Auth).ToList();
            var ids = spans.Select(s => s.SpanId).ToHashSet();
            var roots = spans.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)).ToList();
            var whole = roots is [{ ServiceName: ResourceNames.Gateway, Kind: "Server" }]
                && spans.Any(s => s.ServiceName == ResourceNames.Auth && s.Scope == "Npgsql");
            return Task.FromResult(whole ? "whole" : string.Join("; ", all.Select(s =>
                $"{s.ServiceName}/{s.Scope}/{s.Kind} '{s.Name}' parent={(s.ParentSpanId is { } p && ids.Contains(p) ? "in" : s.ParentSpanId ?? "none")}")));
        }, summary => summary == "whole", TimeSpan.FromSeconds(60), $"trace {traceId} to arrive whole from gateway and auth");
}
