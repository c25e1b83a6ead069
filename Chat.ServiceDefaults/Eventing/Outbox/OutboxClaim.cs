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
/// <para>
/// Both queries look only at the <em>window</em>: the oldest <see cref="WindowPerBatchRow"/> × batch size unsent
/// rows. The window is a prefix in id order, so a row is its key's head in the table exactly when no earlier row of
/// its key is in the window, and the window's rows of a key are a prefix of that key's unsent rows: a claim costs the
/// same whatever the backlog. Asking the whole table instead (an anti-join per unsent row) read every unsent row
/// whenever fewer keys than a batch had any — a group's notifications to 64 users, one busy conversation — and at a
/// backlog of 40,000 rows took 4.5 s a claim, so the backlog grew faster than it shipped.
/// </para>
/// <para>
/// Rows are locked by primary key alone, and a row sent meanwhile (its lock returns the new version) is dropped here
/// rather than by a <c>sent_at IS NULL</c> filter: the planner's statistics lag a growing backlog and take unsent rows
/// for rare, and with such a filter it chose to read a whole partial index per claim.
/// </para>
/// </summary>
internal static class OutboxClaim
{
    /// <summary>
    /// Wide enough that heads locked by another instance leave this one a batch of other keys' rows. Only a window
    /// full of heads that never ship (rows that cannot be prepared) would stall it.
    /// </summary>
    public const int WindowPerBatchRow = 4;

    public static async Task<List<OutboxMessage>> ClaimAsync(DbContext context, int batchSize, CancellationToken cancellationToken)
    {
        var table = TableName(context);
        var window = Window(table);
        // The table name comes from the model (delimited), never from input; values are parameters.
        var headsSql = $"""
            WITH {window},
            heads AS (
                SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY topic, key ORDER BY id) AS place FROM oldest) AS ranked
                WHERE place = 1
            )
            SELECT o.* FROM {table} AS o
            WHERE o.id = ANY (ARRAY(SELECT id FROM heads))
            ORDER BY o.id
            LIMIT @limit
            FOR UPDATE OF o SKIP LOCKED
            """;
        var heads = Unsent(await context.Set<OutboxMessage>().FromSqlRaw(headsSql,
            WindowParameter(batchSize), new NpgsqlParameter("limit", batchSize)).AsNoTracking().ToListAsync(cancellationToken));
        if (heads.Count == 0 || heads.Count >= batchSize)
        {
            return heads;
        }

        // Nobody else can hold these rows: claiming any of them would need the head we hold.
        var followersSql = $"""
            WITH {window}
            SELECT o.* FROM {table} AS o
            WHERE o.id = ANY (ARRAY(
                SELECT w.id FROM oldest AS w
                JOIN unnest(@topics, @keys, @heads) AS h(topic, key, head_id)
                  ON w.topic = h.topic AND w.key = h.key AND w.id > h.head_id))
            ORDER BY o.id
            LIMIT @limit
            FOR UPDATE OF o
            """;
        var followers = Unsent(await context.Set<OutboxMessage>().FromSqlRaw(followersSql,
            WindowParameter(batchSize),
            new NpgsqlParameter("topics", heads.Select(h => h.Topic).ToArray()),
            new NpgsqlParameter("keys", heads.Select(h => h.Key).ToArray()),
            new NpgsqlParameter("heads", heads.Select(h => h.Id).ToArray()),
            new NpgsqlParameter("limit", batchSize - heads.Count)).AsNoTracking().ToListAsync(cancellationToken));

        return [.. heads.Concat(followers).OrderBy(row => row.Id)];
    }

    /// <summary>The window as a CTE named <c>oldest</c> (id, topic, key): ids from the partial index of unsent rows, keys by primary key.</summary>
    private static string Window(string table) => $"""
        oldest AS MATERIALIZED (
            SELECT o.id, o.topic, o.key FROM {table} AS o
            WHERE o.id = ANY (ARRAY(SELECT id FROM {table} WHERE sent_at IS NULL ORDER BY id LIMIT @window))
        )
        """;

    private static NpgsqlParameter WindowParameter(int batchSize) => new("window", batchSize * WindowPerBatchRow);

    private static List<OutboxMessage> Unsent(List<OutboxMessage> locked) => locked.FindAll(row => row.SentAt is null);

    private static string TableName(DbContext context)
    {
        var entity = context.Model.FindEntityType(typeof(OutboxMessage))
            ?? throw new InvalidOperationException(
                $"{context.GetType().Name} has no outbox: call modelBuilder.AddOutbox() in its OnModelCreating.");
        var sql = context.GetService<ISqlGenerationHelper>();
        return sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
    }
}
