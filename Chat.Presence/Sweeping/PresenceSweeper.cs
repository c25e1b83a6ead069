using Chat.Presence.Configuration;
using Chat.Presence.Domain;
using Chat.Presence.History;
using Chat.Presence.State;
using Chat.Presence.Telemetry;
using Microsoft.Extensions.Options;

namespace Chat.Presence.Sweeping;

/// <summary>
/// Turns silent users AWAY and then OFFLINE without anyone asking. Every instance sweeps; the sweep script is a
/// compare-and-set, so a due user is flipped, recorded and announced by exactly one of them. Candidates come from
/// the due sorted sets by score (never a scan of the key space). Also writes transitions whose database write
/// failed earlier, and refreshes the online-users gauge. Redis or database outages are logged and waited out.
/// </summary>
public sealed partial class PresenceSweeper(
    PresenceStore store,
    IServiceScopeFactory scopes,
    PresenceMetrics metrics,
    IOptions<PresenceOptions> options,
    TimeProvider time,
    ILogger<PresenceSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        var failing = false;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
                failing = false;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Logged once per outage, not on every tick.
                if (!failing)
                {
                    LogSweepFailed(logger, exception);
                }
                failing = true;
            }
        }
    }

    public async Task SweepOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var recorder = scope.ServiceProvider.GetRequiredService<PresenceRecorder>();
        while (true)
        {
            var now = time.GetUtcNow();
            var awayBefore = now - settings.AwayAfter;
            var offlineBefore = now - settings.OfflineAfter;
            var due = await store.DueAsync(awayBefore, offlineBefore, settings.SweepBatchSize, cancellationToken);
            if (due.Length == 0)
            {
                break;
            }
            foreach (var transition in await store.SweepAsync(due, awayBefore, offlineBefore, cancellationToken))
            {
                await recorder.RecordAsync(transition, cancellationToken);
            }
            if (due.Length < settings.SweepBatchSize)
            {
                break;
            }
        }
        await RetryParkedAsync(recorder, cancellationToken);
        metrics.SetOnlineUsers(await store.CountOnlineAsync(cancellationToken));
    }

    private async Task RetryParkedAsync(PresenceRecorder recorder, CancellationToken cancellationToken)
    {
        var olderThan = time.GetUtcNow() - options.Value.PendingRetryAfter;
        foreach (var transition in await store.PendingAsync(cancellationToken))
        {
            if (transition.OccurredAt <= olderThan)
            {
                LogRetryingParked(logger, transition.Id, transition.UserId);
                await recorder.RetryAsync(transition, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence sweep failed; retrying every sweep interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Writing parked presence transition {TransitionId} of user {UserId}")]
    private static partial void LogRetryingParked(ILogger logger, Guid transitionId, Guid userId);
}
