namespace Chat.Gateway.Errors;

/// <summary>
/// The stable values of <c>extensions.code</c> on GraphQL errors; clients branch on these, never on messages.
/// </summary>
public static class ErrorCodes
{
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string NotFound = "NOT_FOUND";
    public const string RateLimited = "RATE_LIMITED";
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";

    /// <summary>A subscription's <c>after</c> is too far behind to replay (or unknown): re-read, then resume from <c>latest</c>.</summary>
    public const string ResyncRequired = "RESYNC_REQUIRED";

    /// <summary>The operation ran past <c>GraphQL:MaxExecutionTime</c> and was abandoned.</summary>
    public const string Timeout = "TIMEOUT";
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";

    /// <summary>The HTTP request itself is not a GraphQL-over-HTTP request (bad JSON, missing query, ...).</summary>
    public const string BadRequest = "BAD_REQUEST";

    public const string InternalServerError = "INTERNAL_SERVER_ERROR";
}
