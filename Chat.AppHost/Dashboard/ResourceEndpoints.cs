using Chat.AppHost.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Chat.AppHost.Dashboard;

/// <summary><c>/api/resources</c>: the resources, their console output, and the restart button.</summary>
public static class ResourceEndpoints
{
    private const int MaxConsoleLines = 1_000;

    public static IEndpointRouteBuilder MapResourceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var resources = endpoints.MapGroup("/api/resources").DisableAntiforgery();
        resources.MapGet("/", GetResources);
        resources.MapGet("/{name}/console", GetConsole);
        resources.MapPost("/{name}/restart", Restart);
        return endpoints;
    }

    private static Ok<ResourceView[]> GetResources(DistributedApplication app) =>
        TypedResults.Ok(app.Resources.Select(ResourceView.Of).ToArray());

    /// <summary>Console lines after sequence number <paramref name="after"/> (0: from the oldest kept), at most 1000.</summary>
    private static Results<Ok<LogLine[]>, ProblemHttpResult> GetConsole(DistributedApplication app, string name, long after = 0)
    {
        if (app.Resources.FirstOrDefault(r => r.Name == name) is not { } resource)
        {
            return NoSuchResource(name);
        }
        var lines = resource.Log.Snapshot().Where(line => line.Sequence > after).ToArray();
        return TypedResults.Ok(lines[Math.Max(0, lines.Length - MaxConsoleLines)..]);
    }

    private static async Task<Results<Accepted<ResourceView>, ProblemHttpResult>> Restart(
        DistributedApplication app, string name, HttpRequest request, CancellationToken cancellationToken)
    {
        // Any page the developer has open could post here (a form needs no CORS preflight); only our own page may.
        if (request.Headers.Origin is [{ } origin] && origin != $"{request.Scheme}://{request.Host}")
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Cross-origin restart refused", detail: $"Origin {origin} is not the dashboard.");
        }
        if (app.Resources.FirstOrDefault(r => r.Name == name) is not { } resource)
        {
            return NoSuchResource(name);
        }
        try
        {
            await app.RestartAsync(name, cancellationToken);
        }
        catch (InvalidOperationException exception)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Resource cannot be restarted now", detail: exception.Message);
        }
        return TypedResults.Accepted("/api/resources", ResourceView.Of(resource));
    }

    private static ProblemHttpResult NoSuchResource(string name) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such resource", detail: $"No resource is named '{name}'.");
}
