using Chat.Presence.Data;
using Microsoft.EntityFrameworkCore;

namespace Chat.Presence.History;

/// <summary>The last known activity of users Redis no longer knows, from <c>presence_history</c> in one query.</summary>
public sealed class LastSeenReader(PresenceDbContext db)
{
    public async Task<Dictionary<Guid, DateTimeOffset>> LastSeenAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return [];
        }
        var ids = userIds.ToArray();
        return await db.History.AsNoTracking()
            .Where(entry => ids.Contains(entry.UserId))
            .GroupBy(entry => entry.UserId)
            .Select(group => new { UserId = group.Key, LastSeenAt = group.Max(entry => entry.LastSeenAt) })
            .ToDictionaryAsync(row => row.UserId, row => row.LastSeenAt, cancellationToken);
    }
}
