using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Chat.Gateway.Realtime;

namespace Chat.Tests.Gateway.Realtime;

/// <summary>Replay-then-live: no gap and no repeat at the seam, repeats of the live feed dropped, failures and disposal.</summary>
public sealed class ResumingStreamTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Replay_ThenLiveBufferedDuringIt_DeliversEveryPositionOnceInOrder()
    {
        var live = new LiveFeed();
        var replaying = new TaskCompletionSource();
        using var stream = new ResumingStream<Event, string>(live, Event.PositionOf, after: 2)
            .ReplayFirst(ct => Replay(replaying.Task, ct, new Event("a", 3), new Event("a", 4)));
        var received = new Received();

        live.Publish(new Event("a", 2)); // the client has it already
        live.Publish(new Event("a", 4)); // published while the client was away: the replay has it too
        stream.Subscribe(received);
        live.Publish(new Event("a", 5)); // published during the replay: buffered
        replaying.SetResult();
        await received.WaitForAsync(3);
        live.Publish(new Event("a", 5)); // an outbox re-send
        live.Publish(new Event("a", 6));

        Assert.Equal([3L, 4, 5, 6], (await received.WaitForAsync(4)).Select(e => e.Position));
    }

    [Fact]
    public async Task Live_AtOrBelowWhatWasDelivered_IsDroppedPerKey_AndEventsWithoutPositionPass()
    {
        var live = new LiveFeed();
        using var stream = new ResumingStream<Event, string>(live, Event.PositionOf);
        var received = new Received();
        stream.Subscribe(received);
        await received.LiveAsync(live);

        foreach (var (key, position) in new[] { ("a", 1L), ("a", 2), ("a", 2), ("b", 1), ("a", 1), ("b", 2), ("a", 3) })
        {
            live.Publish(new Event(key, position));
        }
        live.Publish(new Event("a", null));

        Assert.Equal(["a1", "a2", "b1", "b2", "a3", "a"], (await received.WaitForAsync(6)).Select(e => e.ToString()));
    }

    [Fact]
    public async Task Live_OvertakingOneAnother_AreAllDeliveredOnce()
    {
        var live = new LiveFeed();
        using var stream = new ResumingStream<Event, string>(live, Event.PositionOf, after: 10);
        var received = new Received();
        stream.Subscribe(received);
        await received.LiveAsync(live);

        foreach (var position in new long[] { 12, 11, 12, 14, 13, 11, 14, 15 })
        {
            live.Publish(new Event("a", position));
        }

        Assert.Equal([12L, 11, 14, 13, 15], (await received.WaitForAsync(5)).Select(e => e.Position));
    }

    [Fact]
    public void Filter_BeyondItsWindow_GivesUpOnTheOldestGap_SoAKeyTakesBoundedMemory()
    {
        var filter = new PositionFilter<string>(0, window: 3);

        Assert.True(filter.Admit(("a", 2)));
        Assert.True(filter.Admit(("a", 4)));
        Assert.True(filter.Admit(("a", 6)));
        Assert.True(filter.Admit(("a", 8))); // four above the gap at 1: the window moves past 2
        Assert.False(filter.Admit(("a", 1)));
        Assert.False(filter.Admit(("a", 4)));
        Assert.True(filter.Admit(("a", 5)));
    }

    [Fact]
    public async Task Replay_RaisesTheFloorOfEveryKey()
    {
        var live = new LiveFeed();
        using var stream = new ResumingStream<Event, string>(live, Event.PositionOf)
            .ReplayFirst(ct => Replay(Task.CompletedTask, ct, new Event("edits", 7), new Event("deletions", 9)));
        var received = new Received();

        live.Publish(new Event("edits", 8)); // before 9 in the log, on another topic: the replay covered it
        stream.Subscribe(received);
        await received.WaitForAsync(2);
        live.Publish(new Event("edits", 10));

        Assert.Equal(["edits7", "deletions9", "edits10"], (await received.WaitForAsync(3)).Select(e => e.ToString()));
    }

    [Fact]
    public async Task ReplayFailure_EndsTheSubscriptionWithItsError_AndLeavesTheLiveFeed()
    {
        var live = new LiveFeed();
        using var stream = new ResumingStream<Event, string>(live, Event.PositionOf).ReplayFirst(Failing);
        var received = new Received();

        stream.Subscribe(received);

        Assert.Equal("replay failed", (await received.Error.Task.WaitAsync(Wait, TestContext.Current.CancellationToken)).Message);
        Assert.Equal(0, live.Subscribers);
    }

    [Fact]
    public async Task Dispose_StopsAPendingReplay_AndLeavesTheLiveFeed()
    {
        var live = new LiveFeed();
        var stream = new ResumingStream<Event, string>(live, Event.PositionOf)
            .ReplayFirst(ct => Replay(Task.Delay(Timeout.Infinite, ct), ct, new Event("a", 1)));
        var received = new Received();
        var subscription = stream.Subscribe(received);

        subscription.Dispose();
        live.Publish(new Event("a", 2));
        await Task.Delay(200, TestContext.Current.CancellationToken);

        Assert.Equal(0, live.Subscribers);
        Assert.Empty(received.Items);
        Assert.False(received.Error.Task.IsCompleted);
    }

    private static async IAsyncEnumerable<Event> Replay(Task gate, [EnumeratorCancellation] CancellationToken cancellationToken, params Event[] events)
    {
        await gate.WaitAsync(cancellationToken);
        foreach (var item in events)
        {
            yield return item;
        }
    }

    private static async IAsyncEnumerable<Event> Failing([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException("replay failed");
        }
        yield break;
    }

    public sealed record Event(string Key, long? Position)
    {
        public static (string Key, long Position)? PositionOf(Event e) => e.Position is { } position ? (e.Key, position) : null;

        public override string ToString() => Key + Position;
    }

    private sealed class LiveFeed : IObservable<Event>
    {
        private readonly List<IObserver<Event>> observers = [];

        public int Subscribers
        {
            get { lock (observers) { return observers.Count; } }
        }

        public IDisposable Subscribe(IObserver<Event> observer)
        {
            lock (observers)
            {
                observers.Add(observer);
            }
            return new Unsubscriber(() => { lock (observers) { observers.Remove(observer); } });
        }

        public void Publish(Event e)
        {
            IObserver<Event>[] snapshot;
            lock (observers)
            {
                snapshot = [.. observers];
            }
            foreach (var observer in snapshot)
            {
                observer.OnNext(e);
            }
        }
    }

    private sealed class Received : IObserver<Event>
    {
        private readonly Channel<Event> arrivals = Channel.CreateUnbounded<Event>();

        public List<Event> Items { get; } = [];

        public TaskCompletionSource<Exception> Error { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void OnNext(Event value)
        {
            lock (Items)
            {
                Items.Add(value);
            }
            arrivals.Writer.TryWrite(value);
        }

        public void OnError(Exception error) => Error.TrySetResult(error);

        public void OnCompleted()
        {
        }

        /// <summary>Waits until <paramref name="count"/> events arrived in all; returns them in arrival order.</summary>
        public async Task<List<Event>> WaitForAsync(int count)
        {
            using var deadline = new CancellationTokenSource(Wait);
            while (true)
            {
                lock (Items)
                {
                    if (Items.Count >= count)
                    {
                        return [.. Items];
                    }
                }
                await arrivals.Reader.WaitToReadAsync(deadline.Token);
                arrivals.Reader.TryRead(out _);
            }
        }

        /// <summary>Without a replay the stream goes live on its own task: a marker event (then forgotten) shows it has.</summary>
        public async Task LiveAsync(LiveFeed live)
        {
            live.Publish(new Event("marker", null));
            await WaitForAsync(1);
            lock (Items)
            {
                Items.Clear();
            }
        }
    }
}
