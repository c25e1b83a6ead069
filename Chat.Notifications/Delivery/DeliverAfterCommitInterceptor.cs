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
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is NotificationDbContext notifications)
        {
            await DeliverAsync(notifications, notifications.TakeSavedDeliveries());
        }
    }

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

    /// <summary>
    /// What the save stored waits for its transaction's commit; without an explicit transaction, SaveChanges committed
    /// its own, and only what it stored is delivered.
    /// </summary>
    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is NotificationDbContext notifications)
        {
            var saved = notifications.AcceptSavedDeliveries();
            if (notifications.Database.CurrentTransaction is null)
            {
                notifications.TakeSavedDeliveries(); // anything older is of a transaction that never committed
                await DeliverAsync(notifications, saved);
            }
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

    private async Task DeliverAsync(NotificationDbContext notifications, IReadOnlyList<PendingDelivery> saved)
    {
        if (saved.Count > 0)
        {
            await deliverer.DeliverAsync(saved);
        }

        if (notifications.TakeListsToDrop() is { Count: > 0 } lists)
        {
            await deliverer.DropListsAsync(lists);
        }
    }
}
