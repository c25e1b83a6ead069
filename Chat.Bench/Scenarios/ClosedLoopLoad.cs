using System.Collections.Concurrent;
using System.Diagnostics;
using Chat.Bench.Client;

namespace Chat.Bench.Scenarios;

/// <summary>
/// A closed loop on delivery: each sender sends a message, waits for its reply and for its recipient's messageAdded
/// (and notificationAdded with <c>waitForNotification</c>), then sends the next. A message whose event does not arrive
/// within <c>timeout</c> is left in flight and the sender goes on, so one lost event cannot stall the level.
/// </summary>
public sealed class ClosedLoopLoad
{
    private readonly ConcurrentQueue<SentMessage> _sent = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _senders;
    private long _errors;

    private ClosedLoopLoad(Audience audience, int senderCount, string prefix, bool waitForNotification, TimeSpan timeout)
    {
        _senders = Task.WhenAll(Enumerable.Range(0, senderCount).Select(index =>
            Task.Run(() => SendLoopAsync(audience, index, $"{prefix}-{index}-", waitForNotification, timeout))));
    }

    public IReadOnlyCollection<SentMessage> Sent => _sent;

    public long Errors => Interlocked.Read(ref _errors);

    public static ClosedLoopLoad Start(Audience audience, int senderCount, string prefix, bool waitForNotification, TimeSpan timeout) =>
        new(audience, senderCount, prefix, waitForNotification, timeout);

    /// <summary>Stops sending: each sender finishes the call it is in (the reply, not the wait for delivery).</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _senders;
    }

    private async Task SendLoopAsync(Audience audience, int index, string prefix, bool waitForNotification, TimeSpan timeout)
    {
        var (token, conversationId) = audience.Senders[index];
        for (var n = 0; !_stop.IsCancellationRequested; n++)
        {
            var tag = prefix + n;
            var started = Stopwatch.GetTimestamp();
            string? error = null;
            try
            {
                await GatewayCalls.SendMessageAsync(audience.Http, token, conversationId, tag, CancellationToken.None);
            }
            catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or TaskCanceledException)
            {
                error = exception.Message;
                Interlocked.Increment(ref _errors);
            }
            _sent.Enqueue(new SentMessage(tag, started, started, Stopwatch.GetTimestamp(), error));
            if (error is not null)
            {
                await Task.Delay(100); // a failing gateway is not hammered in a tight loop
                continue;
            }

            Task delivered = waitForNotification
                ? Task.WhenAll(audience.Arrivals.Message(tag), audience.Arrivals.Notification(tag))
                : audience.Arrivals.Message(tag);
            try
            {
                await delivered.WaitAsync(timeout, _stop.Token);
            }
            catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
            {
                // Still in flight: the drain after the level counts it.
            }
        }
    }
}
