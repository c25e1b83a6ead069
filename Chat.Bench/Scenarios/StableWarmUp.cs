using System.Diagnostics;
using Chat.Bench.Client;

namespace Chat.Bench.Scenarios;

/// <summary>
/// Warm-up until delivered throughput is stable: the load runs in windows of <c>window</c> until the last three
/// windows are within ±10 % of their mean (seven JIT-tiering processes and their pools take a while on a small
/// machine; a fixed few seconds left the first level 2× slow), or until <c>limit</c>, which is reported as unstable.
/// </summary>
public static class StableWarmUp
{
    public sealed record Result(TimeSpan Took, bool Stable, double LastRate);

    public static async Task<Result> RunAsync(DeliveryArrivals arrivals, ClosedLoopLoad load, TimeSpan window, TimeSpan limit, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var rates = new List<double>();
        var seen = 0L;
        while (Stopwatch.GetElapsedTime(started) < limit)
        {
            await Task.Delay(window, cancellationToken);
            var delivered = load.Sent.LongCount(sent => arrivals.HasMessage(sent.Tag));
            rates.Add((delivered - seen) / window.TotalSeconds);
            seen = delivered;
            var last = rates.TakeLast(3).ToArray();
            if (last.Length == 3 && last.Average() is var mean and > 0 && last.All(rate => Math.Abs(rate - mean) <= 0.1 * mean))
            {
                return new Result(Stopwatch.GetElapsedTime(started), true, rates[^1]);
            }
        }
        return new Result(Stopwatch.GetElapsedTime(started), false, rates.LastOrDefault());
    }
}
