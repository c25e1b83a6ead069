using System.Diagnostics;

namespace Chat.Bench.Scenarios;

/// <summary>
/// Starts operations on a fixed schedule (open loop): the i-th starts at i / rate seconds whether or not earlier
/// ones finished, so a slow server shows up as latency instead of as a lower offered rate.
/// </summary>
public static class OpenLoopSender
{
    /// <summary>One operation: its tag, when it started (Stopwatch timestamp), its round trip, its error if any.</summary>
    public sealed record Sent(string Tag, long StartedAt, double RoundTripMs, string? Error);

    public static async Task<(Sent[] Sent, double MaxSlipMs)> RunAsync(
        double rate, TimeSpan duration, string prefix, Func<int, string, Task> operation)
    {
        var count = (int)Math.Round(rate * duration.TotalSeconds);
        var operations = new Task<Sent>[count];
        var begin = Stopwatch.GetTimestamp();
        long maxSlip = 0;
        for (var i = 0; i < count; i++)
        {
            var due = begin + (long)(i * Stopwatch.Frequency / rate);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            maxSlip = Math.Max(maxSlip, Stopwatch.GetTimestamp() - due);
            operations[i] = StartAsync(i, $"{prefix}-{i}", operation);
        }
        return (await Task.WhenAll(operations), maxSlip * 1000.0 / Stopwatch.Frequency);
    }

    private static async Task<Sent> StartAsync(int index, string tag, Func<int, string, Task> operation)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await operation(index, tag);
            return new Sent(tag, started, Stopwatch.GetElapsedTime(started).TotalMilliseconds, null);
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            return new Sent(tag, started, Stopwatch.GetElapsedTime(started).TotalMilliseconds, exception.Message);
        }
    }
}
