using System.Globalization;
using Chat.Messaging.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Chat.Messaging.Errors;

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
        if (exception is InvalidInputException invalid)
        {
            details.Extensions["field"] = invalid.Field;
            details.Extensions["errors"] = new Dictionary<string, string[]> { [invalid.Field] = [invalid.Message] };
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = 5.ToString(CultureInfo.InvariantCulture);
        }

        context.Response.StatusCode = problem.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }

    private static Problem? Map(Exception exception) => exception switch
    {
        InvalidInputException => new(StatusCodes.Status400BadRequest, "Invalid input"),
        NotFoundException => new(StatusCodes.Status404NotFound, "Not found"),
        ForbiddenException => new(StatusCodes.Status403Forbidden, "Forbidden"),
        ConflictException => new(StatusCodes.Status409Conflict, "Conflict"),
        // Malformed JSON, wrong content type, a non-uuid route value: the framework already chose 400 or 415.
        BadHttpRequestException badRequest => new(badRequest.StatusCode, "Bad request"),
        // The database is down or overloaded; its message (host, port) is no business of the client.
        NpgsqlException or TimeoutException or Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException
            or Microsoft.EntityFrameworkCore.DbUpdateException { InnerException: NpgsqlException } => new(StatusCodes.Status503ServiceUnavailable, "Service unavailable",
            "A dependency is unavailable. Try again shortly."),
        _ => null,
    };

    private sealed record Problem(int Status, string Title, string? Detail = null);
}
