using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using StackExchange.Redis;

namespace Chat.ServiceDefaults.Problems;

/// <summary>
/// Exceptions every service can meet, mapped the same way everywhere. A dependency that is down or overloaded is
/// 503 with Retry-After; an error PostgreSQL raises about the data itself is the input's fault (400/409), not an
/// outage — a retry would fail the same way, so it must not read as one. Anything else stays unmapped: a 500.
/// </summary>
public static class CommonProblems
{
    public static readonly TimeSpan DependencyRetryAfter = TimeSpan.FromSeconds(5);

    private static readonly Problem Unavailable = new(StatusCodes.Status503ServiceUnavailable, "Service unavailable",
        "A dependency is unavailable. Try again shortly.", RetryAfter: DependencyRetryAfter);

    public static Problem? Map(Exception exception) => exception switch
    {
        InvalidInputException invalid => new(StatusCodes.Status400BadRequest, "Invalid input", invalid.Message, invalid.Field),
        InvalidCallerException => new(StatusCodes.Status401Unauthorized, "Invalid access token",
            "The access token does not name a user."),
        // Malformed JSON, wrong content type, a non-uuid route value: the framework already chose 400, 413 or 415.
        BadHttpRequestException badRequest => new(badRequest.StatusCode, "Bad request"),
        DbUpdateException { InnerException: { } inner } => Map(inner) ?? (inner is NpgsqlException ? Unavailable : null),
        RetryLimitExceededException => Unavailable,
        PostgresException postgres => OfPostgres(postgres),
        // Connection failures and timeouts; their messages (hosts, ports) are no business of the client.
        NpgsqlException or RedisException or TimeoutException => Unavailable,
        _ => null,
    };

    /// <summary>By SQLSTATE class: https://www.postgresql.org/docs/current/errcodes-appendix.html.</summary>
    private static Problem? OfPostgres(PostgresException exception) => exception.SqlState[..2] switch
    {
        "22" => new(StatusCodes.Status400BadRequest, "Invalid input", "The input holds a value that cannot be stored."),
        "23" => new(StatusCodes.Status409Conflict, "Conflict", "The request conflicts with the current state."),
        // Connection lost, out of resources, shutting down, system error; and serialization failures or deadlocks.
        "08" or "53" or "57" or "58" or "40" => Unavailable,
        _ => exception.IsTransient ? Unavailable : null,
    };
}
