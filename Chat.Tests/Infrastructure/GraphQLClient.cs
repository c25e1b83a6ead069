using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chat.Tests.Infrastructure;

/// <summary>A plain GraphQL-over-HTTP client for end-to-end tests: POSTs JSON, returns status and body.</summary>
public sealed class GraphQLClient(Uri gatewayUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = gatewayUrl, Timeout = TimeSpan.FromSeconds(30) };

    public async Task<GraphQLResponse> SendAsync(string query, object? variables = null, string? accessToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse(response.StatusCode, JsonNode.Parse(body)!.AsObject());
    }

    public void Dispose() => _http.Dispose();
}

public sealed record GraphQLResponse(HttpStatusCode Status, JsonObject Body)
{
    public JsonNode? Data => Body["data"];

    public JsonArray Errors => Body["errors"]?.AsArray() ?? [];

    /// <summary>The <c>extensions.code</c> of each error, in order.</summary>
    public IReadOnlyList<string?> ErrorCodes => [.. Errors.Select(error => error?["extensions"]?["code"]?.GetValue<string>())];

    /// <summary>Fails with the whole body when the response carries errors.</summary>
    public GraphQLResponse EnsureNoErrors() => Errors.Count == 0
        ? this
        : throw new InvalidOperationException($"GraphQL errors ({(int)Status}): {Body.ToJsonString(new JsonSerializerOptions { WriteIndented = true })}");
}
