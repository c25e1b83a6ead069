using Chat.Contracts.Events;
using Chat.Presence.Data;
using Chat.Presence.Domain;
using Chat.Presence.State;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Chat.Presence.History;

/// <summary>
/// Makes an accepted transition durable: a <c>presence_history</c> row and a <c>PresenceUpdated</c> outbox row in
/// one SaveChanges, plus a message on <c>presence:updates</c>.
/// </summary>
/// <remarks>
/// Order of Redis and database: Redis goes first because its compare-and-set decides which instance owns a
/// transition (two sweepers must not both write history), and the same script parks the transition in
/// <c>presence:pending</c>. The database write comes next and only then is the parked entry removed. If the
/// database write fails, the entry stays parked and <see cref="Sweeping.PresenceSweeper"/> writes it later
/// (<c>Presence:PendingRetryAfter</c>). The transition id is both the history row's key and the event id, so a
/// retry of a transition that was in fact written collides on the key and is dropped: one row, one event.
/// </remarks>
public sealed partial class PresenceRecorder(PresenceDbContext db, PresenceStore store, ILogger<PresenceRecorder> logger)
{
    public async Task RecordAsync(PresenceTransition transition, CancellationToken cancellationToken)
    {
        await PublishQuietlyAsync(transition, cancellationToken);
        if (await WriteAsync(transition, cancellationToken))
        {
            await CompleteQuietlyAsync(transition, cancellationToken);
        }
    }

    /// <summary>Writes a parked transition again (no new pub/sub message: that one went out when it happened).</summary>
    public async Task RetryAsync(PresenceTransition transition, CancellationToken cancellationToken)
    {
        if (await WriteAsync(transition, cancellationToken))
        {
            await store.CompletePendingAsync(transition.Id, cancellationToken);
        }
    }

    /// <summary>True when the transition is now in the database (written here, or already there).</summary>
    private async Task<bool> WriteAsync(PresenceTransition transition, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        db.History.Add(new PresenceHistoryEntry
        {
            Id = transition.Id,
            UserId = transition.UserId,
            Status = transition.Status,
            LastSeenAt = transition.LastSeenAt,
            CreatedAt = transition.OccurredAt,
        });
        db.AddIntegrationEvent(new PresenceUpdated(transition.UserId, transition.Status, transition.PreviousStatus, transition.LastSeenAt)
        {
            EventId = transition.Id,
            OccurredAt = transition.OccurredAt,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            LogAlreadyRecorded(logger, transition.Id);
            return true;
        }
        catch (Exception exception) when (exception is DbUpdateException or NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // InvalidOperationException: EF's retrying strategy gave up. The transition stays parked in Redis.
            LogWriteFailed(logger, exception, transition.Id, transition.UserId);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task PublishQuietlyAsync(PresenceTransition transition, CancellationToken cancellationToken)
    {
        try
        {
            await store.PublishAsync(transition, cancellationToken);
        }
        catch (PresenceStoreUnavailableException exception)
        {
            // Pub/sub is fire-and-forget by nature; the durable record is the event.
            LogPublishFailed(logger, exception, transition.UserId);
        }
    }

    private async Task CompleteQuietlyAsync(PresenceTransition transition, CancellationToken cancellationToken)
    {
        try
        {
            await store.CompletePendingAsync(transition.Id, cancellationToken);
        }
        catch (PresenceStoreUnavailableException exception)
        {
            // Left parked: a sweeper retries it later and the key collision drops the duplicate.
            LogCompleteFailed(logger, exception, transition.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Presence transition {TransitionId} was already recorded")]
    private static partial void LogAlreadyRecorded(ILogger logger, Guid transitionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record presence transition {TransitionId} of user {UserId}; it stays parked for a retry")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, Guid transitionId, Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish the presence update of user {UserId} on Redis")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not unpark recorded presence transition {TransitionId}")]
    private static partial void LogCompleteFailed(ILogger logger, Exception exception, Guid transitionId);
}
