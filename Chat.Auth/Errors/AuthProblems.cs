using Chat.Auth.Domain;
using Chat.ServiceDefaults.Problems;

namespace Chat.Auth.Errors;

/// <summary>Auth's own exceptions as problems; the shared ones are mapped by ServiceDefaults.</summary>
public sealed class AuthProblems : IProblemMapping
{
    public Problem? Map(Exception exception) => exception switch
    {
        DuplicateAccountException duplicate => new(StatusCodes.Status409Conflict, "Account already exists", Field: duplicate.Field),
        InvalidCredentialsException => new(StatusCodes.Status401Unauthorized, "Invalid credentials"),
        InvalidRefreshTokenException => new(StatusCodes.Status401Unauthorized, "Invalid refresh token"),
        TooManyAttemptsException tooMany => new(StatusCodes.Status429TooManyRequests, "Too many requests", RetryAfter: tooMany.RetryAfter),
        PasswordHashingBusyException busy => new(StatusCodes.Status503ServiceUnavailable, "Service busy", RetryAfter: busy.RetryAfter),
        _ => null,
    };
}
