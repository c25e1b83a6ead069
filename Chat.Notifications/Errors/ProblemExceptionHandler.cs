using Chat.Notifications.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Chat.Notifications.Errors;

/// <summary>The one place where exceptions become problem details; anything unmapped stays a 500.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (Map(exception) is not { } problem)
        {
            return false;
        }

        var details = new ProblemDetails { Status = problem.Status, Title = problem.Title, Detail = problem.Detail ?? exception.Message };
        if (problem.Field is not null)
        {
            details.Extensions["field"] = problem.Field;
            details.Extensions["errors"] = new Dictionary<string, string[]> { [problem.Field] = [details.Detail] };
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
        NotificationNotFoundException => new(StatusCodes.Status404NotFound, "Notification not found"),
        InvalidCursorException => new(StatusCodes.Status400BadRequest, "Invalid cursor", Field: "after"),
        // Malformed query string or body: the framework already chose 400 or 415.
        BadHttpRequestException badRequest => new(badRequest.StatusCode, "Bad request"),
        // The database is down or overloaded; its message (host, port) is no business of the client.
        NpgsqlException or TimeoutException => new(StatusCodes.Status503ServiceUnavailable, "Service unavailable",
            Detail: "A dependency is unavailable. Try again shortly."),
        _ => null,
    };

    private sealed record Problem(int Status, string Title, string? Field = null, string? Detail = null);
}
