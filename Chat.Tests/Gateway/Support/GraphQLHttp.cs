using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chat.Tests.Gateway.Support;

/// <summary>Builds GraphQL-over-HTTP requests and reads their answers, as a plain HTTP client would.</summary>
public static class GraphQLHttp
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    public static HttpRequestMessage Post(string query, object? variables = null, string accept = GraphQLResponse, string? bearer = null)
    {
        var body = JsonSerializer.Serialize(new { query, variables });
        return PostRaw(body, accept, bearer: bearer);
    }

    public static HttpRequestMessage PostRaw(string body, string accept = GraphQLResponse, string contentType = Json, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }

    public static HttpRequestMessage Get(string query, string? accept = GraphQLResponse)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query));
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return request;
    }

    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>The <c>extensions.code</c> of the first error, or null when there is none.</summary>
    public static string? FirstErrorCode(this JsonObject body) =>
        body["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();
}
