using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Chat.Tests.Dashboard;

/// <summary>
/// A GraphQL request sent with our own W3C <c>traceparent</c>, so the test knows the trace id the gateway continues
/// and can look that trace up in the received telemetry.
/// </summary>
internal static class TracedGraphQL
{
    public static async Task<(string TraceId, JsonNode Body)> PostAsync(
        Uri gatewayUrl, string query, object variables, string? accessToken, CancellationToken cancellationToken)
    {
        var traceId = ActivityTraceId.CreateRandom();
        var parentId = ActivitySpanId.CreateRandom();
        // Other tests in this process host services in-process, and their OpenTelemetry instruments HttpClient: it
        // would start a trace of its own for this request (and, being a root client call, not sample it) and send that
        // instead. Under an activity of our trace, anything it adds stays in our trace, sampled.
        using var caller = new Activity("traced test request").SetParentId(traceId, parentId, ActivityTraceFlags.Recorded).Start();
        using var http = new HttpClient { BaseAddress = gatewayUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Add("traceparent", $"00-{traceId}-{parentId}-01");
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        using var response = await http.SendAsync(request, cancellationToken);
        return (traceId.ToHexString(), JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!);
    }
}
