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

    public static GatewayError Unauthenticated(string message = "Authentication required: send a valid access token.") =>
        new(ErrorCodes.Unauthenticated, message);

    public static GatewayError ServiceUnavailable(string service) =>
        new(ErrorCodes.ServiceUnavailable, $"The {service} service is unavailable, try again later.",
            new Dictionary<string, object?> { ["service"] = service });
}
