using System.Threading.RateLimiting;
using Chat.Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace Chat.Gateway.Security;

/// <summary>
/// One request budget per caller (<see cref="CallerIdentity.PartitionKey"/>), drawn on by every way in: HTTP requests
/// through ASP.NET Core's rate limiting, and each operation a WebSocket connection subscribes — so a client cannot
/// escape its budget by sending its queries and mutations over a socket.
/// </summary>
public sealed class CallerRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public CallerRateLimiter(IOptions<GatewayRateLimitOptions> options)
    {
        var limits = options.Value;
        limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions
            {
                PermitLimit = key.StartsWith(CallerIdentity.UserKeyPrefix, StringComparison.Ordinal) ? limits.PermitsPerUser : limits.PermitsPerIp,
                Window = limits.Window,
                QueueLimit = 0,
            }));
    }

    /// <summary>One permit for the caller of <paramref name="context"/>, if its budget has one left.</summary>
    public RateLimitLease TryAcquire(HttpContext context) => limiter.AttemptAcquire(CallerIdentity.PartitionKey(context));

    /// <summary>
    /// The caller's budget as an ASP.NET Core rate-limiting partition. The middleware disposes partitions it finds idle;
    /// it gets a view of the shared budget, whose disposal leaves the budget alone.
    /// </summary>
    public RateLimitPartition<string> PartitionFor(HttpContext context) =>
        RateLimitPartition.Get(CallerIdentity.PartitionKey(context), key => new SharedBudgetView(limiter, key));

    public void Dispose() => limiter.Dispose();

    private sealed class SharedBudgetView(PartitionedRateLimiter<string> limiter, string key) : RateLimiter
    {
        /// <summary>Always idle for the middleware: the view holds nothing, so dropping and recreating it is free.</summary>
        public override TimeSpan? IdleDuration => TimeSpan.MaxValue;

        public override RateLimiterStatistics? GetStatistics() => limiter.GetStatistics(key);

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => limiter.AttemptAcquire(key, permitCount);

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            limiter.AcquireAsync(key, permitCount, cancellationToken);
    }
}
