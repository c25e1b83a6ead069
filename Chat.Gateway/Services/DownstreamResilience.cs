using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Chat.Gateway.Services;

/// <summary>
/// Resilience for calls the gateway makes while a client waits: a dead service must turn into
/// SERVICE_UNAVAILABLE within about 2.5 s, not into a request hanging for the 30 s of the standard defaults.
/// </summary>
public static class DownstreamResilience
{
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(2.5);

    public static void Configure(HttpStandardResilienceOptions options)
    {
        options.TotalRequestTimeout.Timeout = TotalTimeout;
        options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(1);
        options.Retry.MaxRetryAttempts = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.BackoffType = DelayBackoffType.Constant;
        // A retried register or login could act twice; only safe methods are retried.
        options.Retry.DisableForUnsafeHttpMethods();
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(10);
        options.CircuitBreaker.MinimumThroughput = 10;
        options.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(5);
    }

    /// <summary>Whether <paramref name="exception"/> means the service could not be reached or did not answer in time.</summary>
    public static bool IsUnavailable(Exception exception, CancellationToken callerToken) =>
        !callerToken.IsCancellationRequested &&
        exception is HttpRequestException or TaskCanceledException or TimeoutException
            or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException;
}
