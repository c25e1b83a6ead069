using System.Globalization;
using Chat.Auth.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Chat.Auth.Errors;

/// <summary>The one place where exceptions become problem details; anything unmapped stays a 500.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (Map(exception) is not { } problem)
        {
            return false;
        }

        if (problem.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var details = new ProblemDetails { Status = problem.Status, Title = problem.Title, Detail = problem.Detail ?? exception.Message };
        if (problem.Field is not null)
        {
            details.Extensions["field"] = problem.Field;
        }

        context.Response.StatusCode = problem.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }

    private static Problem? Map(Exception exception) => exception switch
    {
        DuplicateAccountException duplicate => new(StatusCodes.Status409Conflict, "Account already exists", duplicate.Field),
        InvalidCredentialsException => new(StatusCodes.Status401Unauthorized, "Invalid credentials"),
        InvalidRefreshTokenException => new(StatusCodes.Status401Unauthorized, "Invalid refresh token"),
        TooManyAttemptsException tooMany => new(StatusCodes.Status429TooManyRequests, "Too many requests", RetryAfter: tooMany.RetryAfter),
        PasswordHashingBusyException busy => new(StatusCodes.Status503ServiceUnavailable, "Service busy", RetryAfter: busy.RetryAfter),
        // Malformed JSON, wrong content type, missing body: the framework already chose 400 or 415.
        BadHttpRequestException badRequest => new(badRequest.StatusCode, "Bad request"),
        // The database is down or overloaded; its message (host, port) is no business of the client.
        NpgsqlException or TimeoutException => new(StatusCodes.Status503ServiceUnavailable, "Service unavailable",
            RetryAfter: TimeSpan.FromSeconds(5), Detail: "A dependency is unavailable. Try again shortly."),
        _ => null,
    };

    private sealed record Problem(int Status, string Title, string? Field = null, TimeSpan? RetryAfter = null, string? Detail = null);
}
