using Chat.Gateway.Configuration;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Chat.Gateway.Services;

/// <summary>The standard resilience handler, tuned for calls a client is waiting on (<see cref="DownstreamOptions"/>).</summary>
public static class DownstreamResilience
{
    public static void Configure(HttpStandardResilienceOptions options, IServiceProvider services)
    {
        var budget = services.GetRequiredService<IOptions<DownstreamOptions>>().Value;
        options.TotalRequestTimeout.Timeout = budget.TotalTimeout;
        options.AttemptTimeout.Timeout = budget.AttemptTimeout < budget.TotalTimeout ? budget.AttemptTimeout : budget.TotalTimeout;
        options.Retry.MaxRetryAttempts = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.BackoffType = DelayBackoffType.Constant;
        // A retried register or login could act twice; only safe methods are retried.
        options.Retry.DisableForUnsafeHttpMethods();
        // The breaker's sampling window must be at least twice the attempt timeout.
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(10).Ticks, options.AttemptTimeout.Timeout.Ticks * 2));
        options.CircuitBreaker.MinimumThroughput = 10;
        options.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(5);
    }

    /// <summary>Whether <paramref name="exception"/> means the service could not be reached or did not answer in time.</summary>
    public static bool IsUnavailable(Exception exception, CancellationToken callerToken) =>
        !callerToken.IsCancellationRequested &&
        exception is HttpRequestException or TaskCanceledException or TimeoutException
            or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException;
}
