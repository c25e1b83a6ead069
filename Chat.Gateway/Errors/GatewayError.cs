using Chat.ServiceDefaults.Authentication;
using GraphQL;

namespace Chat.Gateway.Errors;

/// <summary>
/// An error meant for the client: its message is safe to show and <see cref="ExecutionError.Code"/> is one of
/// <see cref="ErrorCodes"/>. Anything else thrown by a resolver is reported as a generic internal error.
/// </summary>
public sealed class GatewayError : ExecutionError
{
    public GatewayError(string code, string message, IReadOnlyDictionary<string, object?>? details = null)
        : base(message)
    {
        Code = code;
        Details = details ?? new Dictionary<string, object?>();
    }

    /// <summary>Extra entries for <c>extensions</c>, e.g. <c>field</c> or per-field validation messages.</summary>
    public IReadOnlyDictionary<string, object?> Details { get; }

    /// <summary>
    /// UNAUTHENTICATED, with <c>extensions.reason</c> when the cause is known, so a client can tell "refresh the
    /// token" (TOKEN_EXPIRED) from "log in" (TOKEN_INVALID, TOKEN_MISSING) without reading the message.
    /// </summary>
    public static GatewayError Unauthenticated(TokenRejection? rejection = null) => rejection is null
        ? new(ErrorCodes.Unauthenticated, "Authentication required: send a valid access token.")
        : new(ErrorCodes.Unauthenticated, rejection.Reason switch
        {
            TokenRejection.ExpiredReason => "Access token expired: refresh it (mutation refreshToken) and retry.",
            TokenRejection.MissingReason => "Authentication required: send an access token (Authorization: Bearer <accessToken>).",
            _ => "Access token invalid: log in again for a new one.",
        }, new Dictionary<string, object?> { ["reason"] = rejection.Reason });

    /// <summary>
    /// <c>RATE_LIMITED</c> with <c>retryAfterSeconds</c> always set — at least 1, so a client never retries at once —
    /// and sent as the HTTP <c>Retry-After</c> header too (<see cref="Http.GraphQLResponseWriter"/>).
    /// </summary>
    public static GatewayError RateLimited(string message, TimeSpan? retryAfter, IReadOnlyDictionary<string, object?>? details = null)
    {
        var all = new Dictionary<string, object?>(details ?? new Dictionary<string, object?>())
        {
            [RetryAfterKey] = Math.Max(1, (int)Math.Ceiling((retryAfter ?? TimeSpan.Zero).TotalSeconds)),
        };
        return new GatewayError(ErrorCodes.RateLimited, message, all);
    }

    /// <summary>Seconds the client should wait before retrying, for <c>RATE_LIMITED</c> errors.</summary>
    public int? RetryAfterSeconds => Details.TryGetValue(RetryAfterKey, out var seconds) && seconds is int value ? value : null;

    private const string RetryAfterKey = "retryAfterSeconds";

    public static GatewayError ServiceUnavailable(string service) =>
        new(ErrorCodes.ServiceUnavailable, $"The {service} service is unavailable, try again later.",
            new Dictionary<string, object?> { ["service"] = service });
}
