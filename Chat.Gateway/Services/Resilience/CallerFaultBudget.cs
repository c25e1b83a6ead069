using System.Threading.RateLimiting;

namespace Chat.Gateway.Services.Resilience;

/// <summary>
/// How many failed answers (<see cref="DownstreamFaults.IsFailedAnswer"/>) each caller may draw from one service:
/// a burst, refilled one at a time. A caller who has used it up is refused that service until a fault is refilled,
/// so whoever keeps making a service fail — with bad input or by bad luck — stops reaching it, and nobody else does.
/// A token bucket per caller from System.Threading.RateLimiting: partitions whose bucket is full again are dropped,
/// so memory grows with the callers failing right now, not with every caller ever seen.
/// </summary>
public sealed class CallerFaultBudget(int burst, TimeSpan refillEach) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _faults = PartitionedRateLimiter.Create<string, string>(caller =>
        RateLimitPartition.GetTokenBucketLimiter(caller, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = refillEach,
            QueueLimit = 0,
        }));

    public TimeSpan RefillEach => refillEach;

    /// <summary>Whether <paramref name="caller"/> has a whole fault left.</summary>
    /// <remarks>Not a zero-token acquire: the bucket refills continuously, and asking for zero tokens succeeds as soon as any fraction of one is back.</remarks>
    public bool IsLeftFor(string caller) => _faults.GetStatistics(caller)?.CurrentAvailablePermits >= 1;

    /// <summary>Records one failed answer against <paramref name="caller"/>.</summary>
    public void Spend(string caller)
    {
        using var lease = _faults.AttemptAcquire(caller, 1);
    }

    public void Dispose() => _faults.Dispose();
}
