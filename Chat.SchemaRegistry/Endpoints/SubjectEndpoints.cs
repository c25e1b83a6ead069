using Chat.SchemaRegistry.Data;
using Chat.SchemaRegistry.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Chat.SchemaRegistry.Endpoints;

/// <summary><c>/subjects</c>: register, look up, list, read and delete subject versions.</summary>
internal static class SubjectEndpoints
{
    public static IEndpointRouteBuilder MapSubjectEndpoints(this IEndpointRouteBuilder app)
    {
        var subjects = app.MapGroup("/subjects");
        subjects.MapGet("/", ListSubjects);
        subjects.MapPost("/{subject}/versions", Register);
        subjects.MapPost("/{subject}", Lookup);
        subjects.MapGet("/{subject}/versions", ListVersions);
        subjects.MapGet("/{subject}/versions/{version}", GetVersion);
        subjects.MapGet("/{subject}/versions/{version}/schema", GetVersionSchema);
        subjects.MapDelete("/{subject}", DeleteSubject);
        subjects.MapDelete("/{subject}/versions/{version}", DeleteVersion);
        return app;
    }

    private static async Task<JsonHttpResult<IReadOnlyList<string>>> ListSubjects(
        SchemaStore store, [FromQuery] bool? deleted, CancellationToken cancellationToken) =>
        RegistryJson.Ok(await store.GetSubjectsAsync(deleted ?? false, cancellationToken));

    private static async Task<JsonHttpResult<SchemaIdResponse>> Register(
        string subject, HttpRequest request, SchemaStore store, CancellationToken cancellationToken)
    {
        var body = await RegistryJson.ReadAsync<SchemaRequest>(request, cancellationToken);
        var id = await store.RegisterAsync(subject, body.ToSubmission(), cancellationToken);
        return RegistryJson.Ok(new SchemaIdResponse(id));
    }

    private static async Task<JsonHttpResult<RegisteredSchema>> Lookup(
        string subject, HttpRequest request, SchemaStore store, [FromQuery] bool? deleted, CancellationToken cancellationToken)
    {
        var body = await RegistryJson.ReadAsync<SchemaRequest>(request, cancellationToken);
        return RegistryJson.Ok(await store.LookupAsync(subject, body.ToSubmission(), deleted ?? false, cancellationToken));
    }

    private static async Task<JsonHttpResult<IReadOnlyList<int>>> ListVersions(
        string subject, SchemaStore store, [FromQuery] bool? deleted, CancellationToken cancellationToken) =>
        RegistryJson.Ok(await store.GetVersionsAsync(subject, deleted ?? false, cancellationToken));

    private static async Task<JsonHttpResult<RegisteredSchema>> GetVersion(
        string subject, string version, SchemaStore store, [FromQuery] bool? deleted, CancellationToken cancellationToken) =>
        RegistryJson.Ok(await store.GetVersionAsync(subject, version, deleted ?? false, cancellationToken));

    private static async Task<ContentHttpResult> GetVersionSchema(
        string subject, string version, SchemaStore store, [FromQuery] bool? deleted, CancellationToken cancellationToken)
    {
        var registered = await store.GetVersionAsync(subject, version, deleted ?? false, cancellationToken);
        return TypedResults.Text(registered.Schema, RegistryJson.MediaType);
    }

    private static async Task<JsonHttpResult<IReadOnlyList<int>>> DeleteSubject(
        string subject, SchemaStore store, [FromQuery] bool? permanent, CancellationToken cancellationToken) =>
        RegistryJson.Ok(await store.DeleteSubjectAsync(subject, permanent ?? false, cancellationToken));

    private static async Task<JsonHttpResult<int>> DeleteVersion(
        string subject, string version, SchemaStore store, [FromQuery] bool? permanent, CancellationToken cancellationToken) =>
        RegistryJson.Ok(await store.DeleteVersionAsync(subject, version, permanent ?? false, cancellationToken));
}
