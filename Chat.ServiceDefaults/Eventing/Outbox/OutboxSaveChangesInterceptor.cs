using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chat.ServiceDefaults.Eventing.Outbox;

/// <summary>
/// Signals the publisher after a <c>SaveChanges</c> that stored outbox rows, so events leave within milliseconds
/// instead of waiting for the next poll. Rows saved inside a longer explicit transaction, or by another instance,
/// are found by the periodic poll.
/// </summary>
public sealed class OutboxSaveChangesInterceptor<TContext>(OutboxSignal<TContext> signal) : SaveChangesInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NotifyIfOutboxWritten(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NotifyIfOutboxWritten(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void NotifyIfOutboxWritten(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(entry => entry.Entity.SentAt is null))
        {
            signal.Notify();
        }
    }
}
