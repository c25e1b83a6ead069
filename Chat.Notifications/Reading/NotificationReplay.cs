using Chat.Notifications.Data;
using Chat.Notifications.Delivery;
using Microsoft.EntityFrameworkCore;

namespace Chat.Notifications.Reading;

/// <summary>
/// What a reconnecting client missed: the user's notifications with seq after its cursor, from the database (the
/// source of truth; Redis only caches the newest). Seqs follow commit order (<see cref="NotificationLog"/>), so a
/// batch ending at P has everything up to P. A notification the user deleted meanwhile is not replayed.
/// </summary>
public sealed class NotificationReplay(NotificationDbContext db)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public async Task<NotificationLogPage> AfterAsync(Guid userId, long after, int limit, CancellationToken cancellationToken)
    {
        var latest = await db.Sequences.Where(s => s.UserId == userId).Select(s => (long?)s.LastSeq).FirstOrDefaultAsync(cancellationToken) ?? 0;
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId && n.Seq > after)
            .OrderBy(n => n.Seq).Take(limit + 1).ToListAsync(cancellationToken);
        var items = rows.Take(limit).Select(NotificationView.From).ToList();
        return new NotificationLogPage(items, items.Count > 0 ? items[^1].Seq : after, rows.Count > limit, latest);
    }
}
