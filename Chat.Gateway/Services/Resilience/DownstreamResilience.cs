using Chat.Gateway.Configuration;
using Chat.ServiceDefaults;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Chat.Gateway.Services.Resilience;

/// <summary>
/// The resilience of every call the gateway makes to a service while a client waits, built so that faults are
/// held against whoever can have caused them (<see cref="DownstreamFaults"/>):
/// <list type="number">
/// <item>total timeout (<see cref="CallBudgetOptions.TotalTimeout"/>);</item>
/// <item>one retry of a safe method (GET) after a fault — never after a 4xx or 429, never of a POST, which could act twice;</item>
/// <item>the caller's own circuit (<see cref="CallerFaultBudgetStrategy"/>): failed answers — 5xx, attempt timeouts —
/// may be the answer to the caller's input, so they close the service to that caller only;</item>
/// <item>a circuit shared by all callers, per service instance, opened only by unreachability: a connection that
/// cannot be made is the instance's state and nobody's input, so it may stop everyone's calls to it;</item>
/// <item>attempt timeout (<see cref="CallBudgetOptions.AttemptTimeout"/>), with connecting limited to half of it, so a
/// hanging connect counts as unreachable rather than as a slow answer.</item>
/// </list>
/// A client's traffic can therefore close a service to itself, never to anyone else: the shared circuit sees only
/// faults no request can cause, and what a client can cause at volume is bounded by the gateway's rate limits and
/// complexity limit.
/// </summary>
public static class DownstreamResilience
{
    private static readonly TimeSpan SharedBreakDuration = TimeSpan.FromSeconds(5);

    // RemoveAllResilienceHandlers is marked experimental; it is the documented way to replace the standard handler
    // that ServiceDefaults adds to every client.
#pragma warning disable EXTEXP0001
    /// <summary>Replaces the standard resilience handler of <paramref name="client"/> (named after its service) with this one.</summary>
    public static IHttpClientBuilder AddDownstreamResilience(this IHttpClientBuilder client)
    {
        var service = client.Name;
        client.Services.AddKeyedSingleton(service, (provider, _) =>
        {
            var options = provider.GetRequiredService<IOptions<DownstreamOptions>>().Value;
            return new CallerFaultBudget(options.CallerFaultBurst, options.CallerFaultRefill);
        });
        client.UseSocketsHttpHandler((handler, provider) =>
            handler.ConnectTimeout = provider.GetRequiredService<IOptions<CallBudgetOptions>>().Value.AttemptTimeout / 2);
        client.RemoveAllResilienceHandlers()
            .AddResilienceHandler("downstream", (pipeline, context) => Configure(pipeline, context, service))
            // Service discovery has already chosen the instance: one shared circuit per instance, so one dead
            // instance of several does not close the others.
            .SelectPipelineByAuthority();
        return client;
    }
#pragma warning restore EXTEXP0001

    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context, string service)
    {
        var provider = context.ServiceProvider;
        var budget = provider.GetRequiredService<IOptions<CallBudgetOptions>>().Value;
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 1,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Constant,
            UseJitter = false,
            ShouldHandle = args => ValueTask.FromResult(DownstreamFaults.IsUnreachable(args.Outcome) || DownstreamFaults.IsFailedAnswer(args.Outcome)),
        };
        retry.DisableForUnsafeHttpMethods();

        pipeline
            .AddTimeout(new HttpTimeoutStrategyOptions { Name = "total", Timeout = budget.TotalTimeout })
            .AddRetry(retry)
            .AddStrategy(_ => new CallerFaultBudgetStrategy(
                provider.GetRequiredKeyedService<CallerFaultBudget>(service), provider.GetRequiredService<IHttpContextAccessor>(), service))
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(DownstreamFaults.IsUnreachable(args.Outcome)),
                FailureRatio = 0.5,
                MinimumThroughput = 5,
                // At least two attempt timeouts, so a slow connect still falls inside one window.
                SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(10).Ticks, budget.AttemptTimeout.Ticks * 2)),
                BreakDuration = SharedBreakDuration,
            })
            .AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt", Timeout = budget.AttemptTimeout });
    }

    /// <summary>Whether <paramref name="exception"/> means the service could not be reached, did not answer in time, or is closed to this caller.</summary>
    public static bool IsUnavailable(Exception exception, CancellationToken callerToken) =>
        !callerToken.IsCancellationRequested &&
        exception is HttpRequestException or TaskCanceledException or TimeoutException
            or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException;
}
