using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Chat.Notifications.Data;

/// <summary>
/// Hands out a user's notification positions with one upsert of their counter row inside the consumer's transaction.
/// The row lock lasts until commit, so the user's next notification gets the next number only after this one
/// committed: seq order is commit order, and a replay that sees position P has everything up to P. A unit of work
/// that notifies several users takes their counters in id order, so two of them never wait on each other in a cycle.
/// </summary>
public static class NotificationLog
{
    public static async Task<long> NextAsync(NotificationDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Positions are taken inside the transaction that uses them.");
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = """
            INSERT INTO notification_sequences (user_id, last_seq) VALUES (@user, 1)
            ON CONFLICT (user_id) DO UPDATE SET last_seq = notification_sequences.last_seq + 1
            RETURNING last_seq
            """;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "user";
        parameter.Value = userId;
        command.Parameters.Add(parameter);
        return await command.ExecuteScalarAsync(cancellationToken) is long position
            ? position
            : throw new InvalidOperationException("The notification counter returned nothing.");
    }
}
