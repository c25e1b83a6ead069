using System.Data.Common;
using Chat.Notifications.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chat.Notifications.Delivery;

/// <summary>
/// Hands the notifications of a unit of work to <see cref="NotificationDeliverer"/> only after their transaction
/// committed — so nobody is ever told about a notification that a rollback then erased — and forgets them on
/// rollback or failure; the same for cached lists to drop because a message they quote was deleted. Covers the consumer's explicit inbox transaction and a plain <c>SaveChanges</c>.
/// Only the async paths are used by this service.
/// </summary>
public sealed class DeliverAfterCommitInterceptor(NotificationDeliverer deliverer) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    public override ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        (eventData.Context as NotificationDbContext)?.DiscardPendingCacheWork();
        return ValueTask.FromResult(result);
    }

    public override async Task TransactionCommittedAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        await DeliverAsync(eventData.Context);

    public override Task TransactionRolledBackAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as NotificationDbContext)?.DiscardPendingCacheWork();
        return Task.CompletedTask;
    }

    public override Task TransactionFailedAsync(
        DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as NotificationDbContext)?.DiscardPendingCacheWork();
        return Task.CompletedTask;
    }

    /// <summary>Without an explicit transaction, SaveChanges committed its own.</summary>
    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context)
        {
            await DeliverAsync(context);
        }

        return result;
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is NotificationDbContext { Database.CurrentTransaction: null } context)
        {
            context.DiscardPendingCacheWork();
        }

        return Task.CompletedTask;
    }

    private async Task DeliverAsync(DbContext? context)
    {
        if (context is not NotificationDbContext notifications)
        {
            return;
        }

        // A context back from the pool after an abandoned unit of work has a cleared change tracker: what it
        // still lists but no longer tracks was never saved by this unit of work.
        var pending = notifications.TakePendingDeliveries()
            .Where(delivery => notifications.Entry(delivery.Notification).State != EntityState.Detached)
            .ToList();
        if (pending.Count > 0)
        {
            await deliverer.DeliverAsync(pending);
        }

        if (notifications.TakeListsToDrop() is { Count: > 0 } lists)
        {
            await deliverer.DropListsAsync(lists);
        }
    }
}
