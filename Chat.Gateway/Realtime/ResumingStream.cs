namespace Chat.Gateway.Realtime;

/// <summary>
/// One subscription's events: a replay of what the client missed, then the live feed, with no gap and no repeat at
/// the seam. The live feed is subscribed first (at construction) and buffered while the replay runs, so nothing
/// published during the replay is lost; the buffer is then drained and every event at or below a position already
/// delivered is dropped (<see cref="PositionFilter{TKey}"/>) — which also keeps outbox re-sends from reaching the
/// client twice. Exactly one observer; disposing the subscription stops the replay and leaves the live feed.
/// </summary>
public sealed class ResumingStream<T, TKey> : IObservable<T>, IDisposable where TKey : notnull
{
    private readonly Lock gate = new();
    private readonly Func<T, (TKey Key, long Position)?> positionOf;
    private readonly PositionFilter<TKey> filter;
    private readonly CancellationTokenSource stopping = new();
    private readonly IDisposable liveSubscription;
    private Func<CancellationToken, IAsyncEnumerable<T>>? replay;
    private List<T>? buffer = [];
    private IObserver<T>? observer;

    /// <param name="live">The live feed; subscribed at once.</param>
    /// <param name="positionOf">An event's key and position; null for events that have none (they always pass).</param>
    /// <param name="after">The client's cursor: nothing at or below it is delivered.</param>
    public ResumingStream(IObservable<T> live, Func<T, (TKey Key, long Position)?> positionOf, long after = 0)
    {
        this.positionOf = positionOf;
        filter = new PositionFilter<TKey>(after);
        liveSubscription = live.Subscribe(new LiveObserver(this));
    }

    /// <summary>
    /// What to deliver before the live events: the events after the cursor, read lazily once the observer subscribes.
    /// Everything up to each replayed event's position counts as delivered, on every key.
    /// </summary>
    public ResumingStream<T, TKey> ReplayFirst(Func<CancellationToken, IAsyncEnumerable<T>> events)
    {
        replay = events;
        return this;
    }

    public IDisposable Subscribe(IObserver<T> subscriber)
    {
        lock (gate)
        {
            if (observer is not null)
            {
                throw new InvalidOperationException("A resuming stream serves one subscription.");
            }
            observer = subscriber;
        }
        _ = Task.Run(RunAsync, CancellationToken.None);
        return new Unsubscriber(Dispose);
    }

    public void Dispose()
    {
        liveSubscription.Dispose();
        stopping.Cancel();
    }

    private async Task RunAsync()
    {
        try
        {
            if (replay is not null)
            {
                await foreach (var item in replay(stopping.Token).WithCancellation(stopping.Token))
                {
                    lock (gate)
                    {
                        if (Emit(item) && positionOf(item) is { Position: var position })
                        {
                            filter.RaiseFloor(position);
                        }
                    }
                }
            }

            lock (gate)
            {
                foreach (var item in buffer!)
                {
                    Emit(item);
                }
                buffer = null; // live from here on
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // unsubscribed meanwhile
        }
        catch (Exception exception)
        {
            Dispose();
            lock (gate)
            {
                observer!.OnError(exception);
            }
        }
    }

    private void OnLive(T item)
    {
        lock (gate)
        {
            if (buffer is not null)
            {
                buffer.Add(item);
                return;
            }
            Emit(item);
        }
    }

    /// <summary>Under the lock, so replayed, drained and live events reach the observer one at a time, in order.</summary>
    private bool Emit(T item)
    {
        if (!filter.Admit(positionOf(item)))
        {
            return false;
        }
        observer!.OnNext(item);
        return true;
    }

    private sealed class LiveObserver(ResumingStream<T, TKey> stream) : IObserver<T>
    {
        public void OnNext(T value) => stream.OnLive(value);

        public void OnError(Exception error)
        {
            lock (stream.gate)
            {
                stream.observer?.OnError(error);
            }
        }

        public void OnCompleted()
        {
            lock (stream.gate)
            {
                stream.observer?.OnCompleted();
            }
        }
    }
}
