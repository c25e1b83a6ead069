using Chat.Notifications.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Chat.Notifications.IntegrationEvents;

/// <summary>
/// Claims the right to send "user online" to each recipient: one upsert that only moves a pair's
/// <c>last_notified_at</c> forward when the cooldown has passed, returning the recipients it moved. Rows are locked
/// by the upsert, so two consumers racing on the same pair cannot both win.
/// </summary>
public sealed class OnlineCooldownClaims(NotificationDbContext db)
{
    private const string ClaimSql = """
        INSERT INTO online_notification_cooldowns (recipient_id, subject_id, last_notified_at)
        SELECT recipient, @subject, @at FROM unnest(@recipients) AS recipient
        ON CONFLICT (recipient_id, subject_id) DO UPDATE SET last_notified_at = EXCLUDED.last_notified_at
        WHERE online_notification_cooldowns.last_notified_at <= EXCLUDED.last_notified_at - @cooldown
        RETURNING recipient_id
        """;

    public async Task<IReadOnlyList<Guid>> ClaimAsync(
        Guid subjectId, IReadOnlyList<Guid> recipients, DateTimeOffset at, TimeSpan cooldown, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(ClaimSql, connection)
            {
                Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
            };
            command.Parameters.AddWithValue("subject", subjectId);
            command.Parameters.AddWithValue("at", at.ToUniversalTime());
            command.Parameters.AddWithValue("recipients", recipients.ToArray());
            command.Parameters.AddWithValue("cooldown", cooldown);

            var claimed = new List<Guid>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add(reader.GetGuid(0));
            }

            return claimed;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
