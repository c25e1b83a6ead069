using Chat.SchemaRegistry.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chat.SchemaRegistry.Endpoints;

/// <summary><c>/schemas</c>: schemas by global id (what deserializers ask for) and the supported types.</summary>
internal static class SchemaEndpoints
{
    private static readonly IReadOnlyList<string> SupportedTypes = [SchemaStore.JsonSchemaType];

    public static IEndpointRouteBuilder MapSchemaEndpoints(this IEndpointRouteBuilder app)
    {
        var schemas = app.MapGroup("/schemas");
        schemas.MapGet("/types", GetTypes);
        schemas.MapGet("/ids/{id:int}", GetById);
        schemas.MapGet("/ids/{id:int}/schema", GetSchemaTextById);
        return app;
    }

    private static JsonHttpResult<IReadOnlyList<string>> GetTypes() => RegistryJson.Ok(SupportedTypes);

    private static async Task<JsonHttpResult<SchemaResponse>> GetById(int id, SchemaStore store, CancellationToken cancellationToken)
    {
        var schema = await store.GetSchemaAsync(id, cancellationToken);
        return RegistryJson.Ok(new SchemaResponse(schema.Schema, schema.SchemaType, schema.References));
    }

    private static async Task<ContentHttpResult> GetSchemaTextById(int id, SchemaStore store, CancellationToken cancellationToken)
    {
        var schema = await store.GetSchemaAsync(id, cancellationToken);
        return TypedResults.Text(schema.Schema, RegistryJson.MediaType);
    }
}
