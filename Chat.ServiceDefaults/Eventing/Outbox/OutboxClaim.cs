using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Chat.ServiceDefaults.Eventing.Outbox;

/// <summary>
/// Claims outbox rows for one publisher inside its open transaction.
/// <para>
/// Order per key: a publisher claims, with <c>FOR UPDATE SKIP LOCKED</c>, only rows that are the <em>oldest unsent
/// row of their key</em> (the key's head), then takes the later unsent rows of those keys. The head's row lock is the
/// key's mutex: a second publisher sees the same head as long as the first has not committed, finds it locked and
/// skips the whole key, so two publishers never ship rows of one key side by side, and neither sends a row twice.
/// We chose this over advisory locks per key hash because the lock lives and dies with the rows' own transaction
/// (a crashed publisher releases it) and needs no second locking scheme. Rows of one key are ordered by id, i.e. by
/// insertion; two transactions writing the same key concurrently are ordered by whichever row is visible first.
/// </para>
/// </summary>
internal static class OutboxClaim
{
    public static async Task<List<OutboxMessage>> ClaimAsync(DbContext context, int batchSize, CancellationToken cancellationToken)
    {
        var table = TableName(context);
        // The table name comes from the model (delimited), never from input; values are parameters.
        var headsSql = $"""
            SELECT o.* FROM {table} AS o
            WHERE o.sent_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM {table} AS earlier
                              WHERE earlier.sent_at IS NULL AND earlier.topic = o.topic AND earlier.key = o.key AND earlier.id < o.id)
            ORDER BY o.id
            LIMIT @limit
            FOR UPDATE OF o SKIP LOCKED
            """;
        var heads = await context.Set<OutboxMessage>().FromSqlRaw(headsSql,
            new NpgsqlParameter("limit", batchSize)).AsNoTracking().ToListAsync(cancellationToken);
        if (heads.Count == 0 || heads.Count >= batchSize)
        {
            return heads;
        }

        // Nobody else can hold these rows: claiming any of them would need the head we hold.
        var followersSql = $"""
            SELECT o.* FROM {table} AS o
            JOIN unnest(@topics, @keys, @heads) AS h(topic, key, head_id)
              ON o.topic = h.topic AND o.key = h.key AND o.id > h.head_id
            WHERE o.sent_at IS NULL
            ORDER BY o.id
            LIMIT @limit
            FOR UPDATE OF o
            """;
        var followers = await context.Set<OutboxMessage>().FromSqlRaw(followersSql,
            new NpgsqlParameter("topics", heads.Select(h => h.Topic).ToArray()),
            new NpgsqlParameter("keys", heads.Select(h => h.Key).ToArray()),
            new NpgsqlParameter("heads", heads.Select(h => h.Id).ToArray()),
            new NpgsqlParameter("limit", batchSize - heads.Count)).AsNoTracking().ToListAsync(cancellationToken);

        return [.. heads.Concat(followers).OrderBy(row => row.Id)];
    }

    private static string TableName(DbContext context)
    {
        var entity = context.Model.FindEntityType(typeof(OutboxMessage))
            ?? throw new InvalidOperationException(
                $"{context.GetType().Name} has no outbox: call modelBuilder.AddOutbox() in its OnModelCreating.");
        var sql = context.GetService<ISqlGenerationHelper>();
        return sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
    }
}
