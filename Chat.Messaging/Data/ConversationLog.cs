using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Chat.Messaging.Data;

/// <summary>
/// Hands out a conversation's positions with one <c>UPDATE … RETURNING</c> of its row, inside the caller's open
/// transaction. The row lock it takes is held until that transaction ends, so a second writer of the conversation
/// gets the next number only after the first has committed: numbers follow commit order, and so does the outbox row
/// written after it (rows of one key are shipped by id), hence history order = event order by construction. It is
/// the only lock a send takes on the conversation: <c>last_message_at</c> moves in the same update (it used to be a
/// trigger's second update of the row).
/// </summary>
public static class ConversationLog
{
    /// <summary>
    /// The new message's seq and its created_at: <paramref name="now"/>, or just after the previous message when the
    /// clock of this or another instance is behind, so created_at never goes backwards along seq either.
    /// </summary>
    public static async Task<(long Seq, DateTimeOffset CreatedAt)> NextMessageAsync(
        ChatDbContext db, Guid conversationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = Command(db, """
            UPDATE conversations
            SET message_seq = message_seq + 1,
                last_message_at = GREATEST(@now, last_message_at + interval '1 microsecond')
            WHERE id = @id
            RETURNING message_seq, last_message_at
            """, conversationId);
        command.Parameters.Add(Parameter(command, "now", now));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1))
            : throw new InvalidOperationException($"Conversation {conversationId} is gone.");
    }

    /// <summary>The next position of the conversation's change log, for an edit, a deletion or a read mark.</summary>
    public static async Task<long> NextChangeAsync(ChatDbContext db, Guid conversationId, CancellationToken cancellationToken)
    {
        await using var command = Command(db, "UPDATE conversations SET change_seq = change_seq + 1 WHERE id = @id RETURNING change_seq", conversationId);
        return await command.ExecuteScalarAsync(cancellationToken) is long position
            ? position
            : throw new InvalidOperationException($"Conversation {conversationId} is gone.");
    }

    private static DbCommand Command(ChatDbContext db, string sql, Guid conversationId)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Positions are taken inside the transaction that uses them.");
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = sql;
        command.Parameters.Add(Parameter(command, "id", conversationId));
        return command;
    }

    private static DbParameter Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        return parameter;
    }
}
