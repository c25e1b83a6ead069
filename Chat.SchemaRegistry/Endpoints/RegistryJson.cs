using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Chat.SchemaRegistry.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chat.SchemaRegistry.Endpoints;

/// <summary>
/// Bodies in and out. Confluent clients send <c>application/vnd.schemaregistry.v1+json</c>, which minimal APIs'
/// [FromBody] would refuse with 415, so bodies are read here whatever JSON-ish content type they carry.
/// </summary>
internal static class RegistryJson
{
    public const string MediaType = "application/vnd.schemaregistry.v1+json";

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // An API body, never embedded in HTML: keep quotes in schemas and messages readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonHttpResult<T> Ok<T>(T value) => TypedResults.Json(value, Options, MediaType);

    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken)
                   ?? throw RegistryErrors.MalformedRequest("the body is empty or null.");
        }
        catch (JsonException exception)
        {
            throw RegistryErrors.MalformedRequest(
                $"the body is not valid JSON for this request (path {exception.Path ?? "$"}, line {exception.LineNumber ?? 0}).");
        }
    }

    public static async Task WriteErrorAsync(HttpContext context, int statusCode, int errorCode, string message)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = MediaType;
        await JsonSerializer.SerializeAsync(context.Response.Body, new ErrorResponse(errorCode, message), Options, context.RequestAborted);
    }
}
