using Chat.ServiceDefaults.Eventing.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Chat.ServiceDefaults.Eventing.Consumers;

/// <summary>Marks an event as processed by a consumer, inside the caller's transaction.</summary>
internal static class InboxRecorder
{
    /// <summary>
    /// True when this is the first time: the row is new. A concurrent delivery of the same event (after a
    /// rebalance) waits on the primary key until the first transaction ends, then sees the row and gets false.
    /// </summary>
    public static async Task<bool> TryRecordAsync(DbContext context, Guid eventId, string consumer, CancellationToken cancellationToken)
    {
        var entity = context.Model.FindEntityType(typeof(InboxMessage))
            ?? throw new InvalidOperationException(
                $"{context.GetType().Name} has no inbox: call modelBuilder.AddInbox() in its OnModelCreating.");
        var table = context.GetService<ISqlGenerationHelper>().DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        // The table name comes from the model (delimited), never from input; values are parameters.
        var sql = $"INSERT INTO {table} (event_id, consumer, processed_at) VALUES (@eventId, @consumer, now()) ON CONFLICT DO NOTHING";
        var inserted = await context.Database.ExecuteSqlRawAsync(sql,
            [new NpgsqlParameter("eventId", eventId), new NpgsqlParameter("consumer", consumer)], cancellationToken);
        return inserted == 1;
    }
}
