using System.Diagnostics;

namespace Chat.Bench.Scenarios;

/// <summary>
/// Starts sends on a fixed schedule (open loop): the i-th is due at i / rate seconds whether or not earlier ones
/// finished, so a slow server shows up as latency instead of as a lower offered rate. Each message keeps its due
/// time: when the sender itself falls behind, that slip is latency too (no coordinated omission).
/// </summary>
public static class OpenLoopSender
{
    public static async Task<(SentMessage[] Sent, double MaxSlipMs)> RunAsync(
        double rate, TimeSpan duration, string prefix, Func<int, string, Task> send, CancellationToken cancellationToken)
    {
        var count = (int)Math.Round(rate * duration.TotalSeconds);
        var sends = new Task<SentMessage>[count];
        var begin = Stopwatch.GetTimestamp();
        long maxSlip = 0;
        for (var i = 0; i < count; i++)
        {
            var due = begin + (long)(i * Stopwatch.Frequency / rate);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }
            maxSlip = Math.Max(maxSlip, Stopwatch.GetTimestamp() - due);
            sends[i] = SendAsync(i, $"{prefix}-{i}", due, send);
        }
        return (await Task.WhenAll(sends), maxSlip * 1000.0 / Stopwatch.Frequency);
    }

    private static async Task<SentMessage> SendAsync(int index, string tag, long due, Func<int, string, Task> send)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await send(index, tag);
            return new SentMessage(tag, due, started, Stopwatch.GetTimestamp(), null);
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            return new SentMessage(tag, due, started, Stopwatch.GetTimestamp(), exception.Message);
        }
    }
}
