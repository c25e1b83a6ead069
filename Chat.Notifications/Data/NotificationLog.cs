using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Chat.Notifications.Data;

/// <summary>
/// Hands out users' notification positions with one upsert of their counter rows inside the consumer's transaction.
/// The row locks last until commit, so a user's next notification gets the next number only after this one
/// committed: seq order is commit order, and a replay that sees position P has everything up to P. The counters are
/// taken in id order, so two units of work that notify overlapping users never wait on each other in a cycle.
/// </summary>
public static class NotificationLog
{
    /// <summary>The next position of each of <paramref name="userIds"/> (distinct), in one round trip whatever their number.</summary>
    public static async Task<IReadOnlyDictionary<Guid, long>> NextAsync(
        NotificationDbContext db, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Positions are taken inside the transaction that uses them.");
        var positions = new Dictionary<Guid, long>(userIds.Count);
        if (userIds.Count == 0)
        {
            return positions;
        }

        await using var command = (NpgsqlCommand)db.Database.GetDbConnection().CreateCommand();
        command.Transaction = (NpgsqlTransaction)transaction.GetDbTransaction();
        // INSERT ... SELECT ... ORDER BY inserts, and so locks, the rows in the SELECT's order.
        command.CommandText = """
            INSERT INTO notification_sequences (user_id, last_seq)
            SELECT user_id, 1 FROM unnest(@users) AS users(user_id) ORDER BY user_id
            ON CONFLICT (user_id) DO UPDATE SET last_seq = notification_sequences.last_seq + 1
            RETURNING user_id, last_seq
            """;
        command.Parameters.Add(new NpgsqlParameter("users", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = userIds.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            positions.Add(reader.GetGuid(0), reader.GetInt64(1));
        }
        return positions.Count == userIds.Count
            ? positions
            : throw new InvalidOperationException("The notification counters returned fewer positions than users.");
    }
}
