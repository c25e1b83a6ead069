using Chat.AppHost.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
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
    private static Results<Ok<LogLine[]>, NotFound<ProblemDetails>> GetConsole(DistributedApplication app, string name, long after = 0)
    {
        if (app.Resources.FirstOrDefault(r => r.Name == name) is not { } resource)
        {
            return NoSuchResource(name);
        }
        var lines = resource.Log.Snapshot().Where(line => line.Sequence > after).ToArray();
        return TypedResults.Ok(lines[Math.Max(0, lines.Length - MaxConsoleLines)..]);
    }

    private static async Task<Results<Accepted<ResourceView>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Restart(
        DistributedApplication app, string name, CancellationToken cancellationToken)
    {
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
            return TypedResults.Conflict(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Resource cannot be restarted now",
                Detail = exception.Message,
            });
        }
        return TypedResults.Accepted($"/api/resources", ResourceView.Of(resource));
    }

    private static NotFound<ProblemDetails> NoSuchResource(string name) => TypedResults.NotFound(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "No such resource",
        Detail = $"No resource is named '{name}'.",
    });
}
