namespace Chat.AppHost.Resources.Restarts;

/// <summary>
/// How long to wait before the next restart: 1 s, 2 s, 4 s ... up to 30 s while a resource keeps crashing; back to
/// 1 s once it has stayed up for a minute. A Postgres killed with SIGKILL, say, needs a moment for its orphaned
/// backends to release shared memory, so the first attempts may fail and the later ones succeed.
/// </summary>
public sealed class RestartBackoff
{
    private static readonly TimeSpan Maximum = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StableAfter = TimeSpan.FromMinutes(1);

    public int Attempts { get; private set; }

    public TimeSpan Next(DateTime? startedAt, DateTime exitedAt)
    {
        if (startedAt is { } started && exitedAt - started >= StableAfter)
        {
            Attempts = 0;
        }
        var delay = TimeSpan.FromSeconds(Math.Pow(2, Math.Min(Attempts, 5)));
        Attempts++;
        return delay < Maximum ? delay : Maximum;
    }
}
