namespace Chat.ServiceDefaults.Eventing.Outbox;

/// <summary>Wakes the outbox publisher of <typeparamref name="TContext"/> as soon as this process saved new outbox rows.</summary>
public sealed class OutboxSignal<TContext>
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers every row saved since.
        }
    }

    /// <summary>Completes when signalled or after <paramref name="timeout"/>, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);
}
