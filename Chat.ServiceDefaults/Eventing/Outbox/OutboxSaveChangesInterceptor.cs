using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chat.ServiceDefaults.Eventing.Outbox;

/// <summary>
/// Signals the publisher once outbox rows are committed, so events leave within milliseconds instead of waiting
/// for the next poll: after a <c>SaveChanges</c> that stored them in its own transaction, or when the explicit
/// transaction they were saved in commits (a signal before the commit would find nothing to claim). Rows saved by
/// another instance are found by the periodic poll.
/// </summary>
public sealed class OutboxSaveChangesInterceptor<TContext>(OutboxSignal<TContext> signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NotifyIfCommitted(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NotifyIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        NotifyIfOutboxWritten(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        NotifyIfOutboxWritten(eventData.Context);
        return Task.CompletedTask;
    }

    private void NotifyIfCommitted(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            NotifyIfOutboxWritten(context);
        }
    }

    private void NotifyIfOutboxWritten(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(entry => entry.Entity.SentAt is null))
        {
            signal.Notify();
        }
    }
}
