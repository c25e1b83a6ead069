using Chat.SchemaRegistry.Data;
using Chat.SchemaRegistry.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Chat.SchemaRegistry.Endpoints;

/// <summary><c>/config</c>: the global compatibility level and per-subject overrides.</summary>
internal static class ConfigEndpoints
{
    public static IEndpointRouteBuilder MapConfigEndpoints(this IEndpointRouteBuilder app)
    {
        var config = app.MapGroup("/config");
        config.MapGet("/", GetGlobal);
        config.MapPut("/", UpdateGlobal);
        config.MapDelete("/", DeleteGlobal);
        config.MapGet("/{subject}", GetSubject);
        config.MapPut("/{subject}", UpdateSubject);
        config.MapDelete("/{subject}", DeleteSubject);
        return app;
    }

    private static async Task<JsonHttpResult<ConfigResponse>> GetGlobal(SchemaStore store, CancellationToken cancellationToken) =>
        RegistryJson.Ok(new ConfigResponse((await store.GetGlobalLevelAsync(cancellationToken)).ToWireName()));

    private static Task<JsonHttpResult<ConfigUpdateResponse>> UpdateGlobal(
        HttpRequest request, SchemaStore store, CancellationToken cancellationToken) =>
        UpdateAsync(null, request, store, cancellationToken);

    private static async Task<JsonHttpResult<ConfigResponse>> DeleteGlobal(SchemaStore store, CancellationToken cancellationToken) =>
        RegistryJson.Ok(new ConfigResponse((await store.DeleteLevelAsync(null, cancellationToken)).ToWireName()));

    private static async Task<JsonHttpResult<ConfigResponse>> GetSubject(
        string subject, SchemaStore store, [FromQuery] bool? defaultToGlobal, CancellationToken cancellationToken) =>
        RegistryJson.Ok(new ConfigResponse((await store.GetSubjectLevelAsync(subject, defaultToGlobal ?? false, cancellationToken)).ToWireName()));

    private static Task<JsonHttpResult<ConfigUpdateResponse>> UpdateSubject(
        string subject, HttpRequest request, SchemaStore store, CancellationToken cancellationToken) =>
        UpdateAsync(subject, request, store, cancellationToken);

    private static async Task<JsonHttpResult<ConfigResponse>> DeleteSubject(
        string subject, SchemaStore store, CancellationToken cancellationToken) =>
        RegistryJson.Ok(new ConfigResponse((await store.DeleteLevelAsync(subject, cancellationToken)).ToWireName()));

    private static async Task<JsonHttpResult<ConfigUpdateResponse>> UpdateAsync(
        string? subject, HttpRequest request, SchemaStore store, CancellationToken cancellationToken)
    {
        var body = await RegistryJson.ReadAsync<ConfigUpdateRequest>(request, cancellationToken);
        if (!CompatibilityLevelNames.TryParse(body.Compatibility, out var level))
        {
            throw RegistryErrors.InvalidCompatibilityLevel();
        }

        var stored = await store.SetLevelAsync(subject, level, cancellationToken);
        return RegistryJson.Ok(new ConfigUpdateResponse(stored.ToWireName()));
    }
}
