using System.Text.Json.Serialization;
using Chat.SchemaRegistry.Domain;

namespace Chat.SchemaRegistry.Endpoints;

// The request and response bodies of Confluent's REST API, kept together because each is one line.

internal sealed record SchemaRequest(string? Schema, string? SchemaType, List<SchemaReference>? References)
{
    public SchemaSubmission ToSubmission() => new(Schema, SchemaType, References ?? []);
}

internal sealed record SchemaIdResponse(int Id);

internal sealed record SchemaResponse(string Schema, string SchemaType, IReadOnlyList<SchemaReference> References);

internal sealed record CompatibilityResponse(
    [property: JsonPropertyName("is_compatible")] bool IsCompatible,
    IReadOnlyList<string>? Messages);

internal sealed record ConfigResponse(string CompatibilityLevel);

internal sealed record ConfigUpdateRequest(string? Compatibility);

internal sealed record ConfigUpdateResponse(string Compatibility);

internal sealed record ErrorResponse([property: JsonPropertyName("error_code")] int ErrorCode, string Message);
