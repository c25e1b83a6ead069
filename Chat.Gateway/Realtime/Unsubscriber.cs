namespace Chat.Gateway.Realtime;

/// <summary>Runs its action once, on the first Dispose.</summary>
public sealed class Unsubscriber(Action action) : IDisposable
{
    private Action? pending = action;

    public void Dispose() => Interlocked.Exchange(ref pending, null)?.Invoke();
}
