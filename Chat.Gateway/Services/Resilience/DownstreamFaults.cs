using Polly;
using Polly.Timeout;

namespace Chat.Gateway.Services.Resilience;

/// <summary>
/// The outcomes of a downstream call, sorted by what could have caused them. Only the service's own state can
/// make a call <see cref="IsUnreachable">unreachable</see>: the request was never delivered, so neither its input
/// nor its caller had any say. A <see cref="IsFailedAnswer">failed answer</see> may be the service's fault or the
/// answer to this very request (text the database cannot store, a search too slow to finish), so it is held
/// against the caller alone. Every other answer — 4xx and 429 included — is the service working as designed.
/// </summary>
public static class DownstreamFaults
{
    /// <summary>No connection: refused, reset while connecting, unknown host, TLS failure, or the connect timeout.</summary>
    public static bool IsUnreachable(Outcome<HttpResponseMessage> outcome) => outcome.Exception is { } exception && IsUnreachable(exception);

    public static bool IsUnreachable(Exception exception) => exception switch
    {
        HttpRequestException
        {
            HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError,
        } => true,
        // SocketsHttpHandler.ConnectTimeout: a cancellation carrying a TimeoutException, which only the connect raises
        // inside the pipeline (the attempt timeout becomes a TimeoutRejectedException instead).
        OperationCanceledException { InnerException: TimeoutException } => true,
        _ => false,
    };

    /// <summary>Delivered but failed: a 5xx, no answer within the attempt timeout, or the connection lost mid-answer.</summary>
    public static bool IsFailedAnswer(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => (int)response.StatusCode >= 500,
        { Exception: TimeoutRejectedException } => true,
        { Exception: HttpRequestException exception } => !IsUnreachable(exception),
        _ => false,
    };
}
