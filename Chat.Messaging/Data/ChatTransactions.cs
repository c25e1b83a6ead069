using Microsoft.EntityFrameworkCore;

namespace Chat.Messaging.Data;

public static class ChatTransactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction that the execution strategy retries as a whole, so a write that
    /// takes positions (<see cref="ConversationLog"/>) and saves in between never half-commits. Each attempt starts
    /// with an empty change tracker: the work loads what it changes. A transaction the caller already opened (the
    /// readiness rehearsal's, rolled back) is joined instead.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this ChatDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return work(cancellationToken);
        }

        return db.Database.CreateExecutionStrategy().ExecuteAsync(async attempt =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(attempt);
            var result = await work(attempt);
            await transaction.CommitAsync(attempt);
            return result;
        }, cancellationToken);
    }
}
