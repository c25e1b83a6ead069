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
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var parentId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..8]);
        using var http = new HttpClient { BaseAddress = gatewayUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Add("traceparent", $"00-{traceId}-{parentId}-01");
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        using var response = await http.SendAsync(request, cancellationToken);
        return (traceId, JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!);
    }
}
