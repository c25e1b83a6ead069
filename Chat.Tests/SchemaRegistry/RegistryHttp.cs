using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Chat.Tests.SchemaRegistry;

/// <summary>Raw HTTP against the registry, for the shapes and codes Confluent's client turns into exceptions.</summary>
public static class RegistryHttp
{
    public const string MediaType = "application/vnd.schemaregistry.v1+json";

    public static async Task<(int Status, JsonElement Body)> SendAsync(
        this HttpClient http, HttpMethod method, string path, string? body = null, string contentType = MediaType)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return ((int)response.StatusCode, json);
    }

    /// <summary>A register/lookup body for a JSON schema.</summary>
    public static string SchemaBody(string schema, string? schemaType = "JSON") =>
        JsonSerializer.Serialize(new Dictionary<string, string?> { ["schema"] = schema, ["schemaType"] = schemaType }
            .Where(pair => pair.Value is not null).ToDictionary());

    public static int ErrorCode(this JsonElement body) => body.GetProperty("error_code").GetInt32();
}
