using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Chat.ServiceDefaults.Eventing.Outbox;

/// <summary>
/// Signals the publisher once outbox rows are committed, so events leave within milliseconds instead of waiting
/// for the next poll: after a <c>SaveChanges</c> that stored them in its own transaction, or when the explicit
/// transaction they were saved in commits (a signal before the commit would find nothing to claim). Rows saved by
/// another instance are found by the periodic poll.
/// <para>
/// Whether a transaction saved outbox rows is noted at each save, not looked up at the commit: by then the rows may
/// no longer be tracked (a consumer batch empties the change tracker after each event).
/// </para>
/// </summary>
public sealed class OutboxSaveChangesInterceptor<TContext>(OutboxSignal<TContext> signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbTransaction, object> transactionsWithRows = [];

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(transaction);
        return Task.CompletedTask;
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !context.ChangeTracker.Entries<OutboxMessage>().Any(entry => entry.Entity.SentAt is null))
        {
            return;
        }

        if (context.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
        {
            transactionsWithRows.AddOrUpdate(transaction, this);
        }
        else
        {
            signal.Notify(); // committed by the save itself
        }
    }

    private void Committed(DbTransaction transaction)
    {
        if (transactionsWithRows.Remove(transaction))
        {
            signal.Notify();
        }
    }
}
