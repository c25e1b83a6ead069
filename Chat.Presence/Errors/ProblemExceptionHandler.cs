using Chat.Presence.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using StackExchange.Redis;

namespace Chat.Presence.Errors;

/// <summary>The one place where exceptions become problem details; anything unmapped stays a 500.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (Map(exception) is not { } problem)
        {
            return false;
        }

        var details = new ProblemDetails { Status = problem.Status, Title = problem.Title, Detail = problem.Detail };
        if (problem.Field is not null)
        {
            details.Extensions["field"] = problem.Field;
        }
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "5";
        }

        context.Response.StatusCode = problem.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }

    private static Problem? Map(Exception exception) => exception switch
    {
        InvalidPresenceRequestException invalid => new(StatusCodes.Status400BadRequest, "Invalid request", invalid.Message, invalid.Field),
        // Malformed JSON, an unknown status, wrong content type: the framework already chose 400 or 415.
        BadHttpRequestException badRequest => new(badRequest.StatusCode, "Bad request", badRequest.Message),
        // Redis or the database is down; their messages (hosts, ports) are no business of the client.
        PresenceStoreUnavailableException or RedisException or NpgsqlException or TimeoutException =>
            new(StatusCodes.Status503ServiceUnavailable, "Service unavailable", "A dependency is unavailable. Try again shortly."),
        _ => null,
    };

    private sealed record Problem(int Status, string Title, string Detail, string? Field = null);
}
