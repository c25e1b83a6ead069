using Chat.SchemaRegistry.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Chat.SchemaRegistry.Endpoints;

/// <summary><c>/compatibility</c>: would this schema be accepted, and with <c>?verbose=true</c>, why not.</summary>
internal static class CompatibilityEndpoints
{
    public static IEndpointRouteBuilder MapCompatibilityEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/compatibility").MapPost("/subjects/{subject}/versions/{version}", TestCompatibility);
        return app;
    }

    private static async Task<JsonHttpResult<CompatibilityResponse>> TestCompatibility(
        string subject, string version, HttpRequest request, SchemaStore store, [FromQuery] bool? verbose,
        CancellationToken cancellationToken)
    {
        var body = await RegistryJson.ReadAsync<SchemaRequest>(request, cancellationToken);
        var problems = await store.CheckCompatibilityAsync(subject, version, body.ToSubmission(), cancellationToken);
        return RegistryJson.Ok(new CompatibilityResponse(problems.Count == 0, verbose == true ? problems : null));
    }
}
