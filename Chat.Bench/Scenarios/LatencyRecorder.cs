using System.Diagnostics;

namespace Chat.Bench.Scenarios;

/// <summary>Runs <c>concurrency</c> workers for a fixed time and reports throughput and latency percentiles.</summary>
public static class LatencyRecorder
{
    public static async Task<LoadResult> RunAsync(int concurrency, TimeSpan duration, Func<int, long, Task> operation)
    {
        var latencies = new List<double>[concurrency];
        var total = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = [];
            for (long n = 0; !stop.IsCancellationRequested; n++)
            {
                var started = Stopwatch.GetTimestamp();
                await operation(worker, n);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        total.Stop();
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(concurrency, all.Length, all.Length / total.Elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
