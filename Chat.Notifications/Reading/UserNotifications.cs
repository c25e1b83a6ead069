using Chat.Notifications.Configuration;
using Chat.Notifications.Data;
using Chat.Notifications.Delivery;
using Chat.Notifications.Domain;
using Chat.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chat.Notifications.Reading;

/// <summary>
/// A user's notifications: the first page from the warm Redis list when it can answer, everything else from the
/// database; changes go to the database, then invalidate the list (it is rebuilt by the next first-page read).
/// Redis is only a cache here: when it is down, reads come from the database and writes still succeed. A request
/// gives Redis at most <see cref="CallBudgetOptions.ServiceWaitLimit"/> in all, and nothing more once it failed or
/// is known to be disconnected, so a degraded Redis still leaves the database's answer inside the gateway's budget.
/// </summary>
public sealed partial class UserNotifications(
    NotificationDbContext db, NotificationCache cache, IOptions<NotificationOptions> options, IOptions<CallBudgetOptions> budget,
    TimeProvider time, ILogger<UserNotifications> logger)
{
    private DateTimeOffset? _cacheDeadline;
    private bool _cacheFailed;

    public async Task<NotificationPage> GetPageAsync(Guid userId, int first, string? after, CancellationToken cancellationToken)
    {
        var cursor = after is null ? (NotificationCursor?)null : NotificationCursor.Decode(after);
        if (cursor is null && first <= options.Value.CachedPerUser)
        {
            return await GetFirstPageAsync(userId, first, cancellationToken);
        }

        var query = Owned(userId);
        if (cursor is { } c)
        {
            query = query.Where(n => EF.Functions.LessThan(ValueTuple.Create(n.CreatedAt, n.Id), ValueTuple.Create(c.CreatedAt, c.Id)));
        }

        var rows = await Newest(query).Take(first + 1).ToListAsync(cancellationToken);
        var unread = await CountUnreadInDatabaseAsync(userId, cancellationToken);
        return Page(rows.Select(NotificationView.From).ToList(), first, rows.Count > first, unread);
    }

    public async Task<int> GetUnreadCountAsync(Guid userId, CancellationToken cancellationToken) =>
        await TryCacheAsync(() => cache.TryReadFirstPageAsync(userId, 0)) is { } cached
            ? cached.UnreadCount
            : await CountUnreadInDatabaseAsync(userId, cancellationToken);

    public async Task<NotificationView> MarkReadAsync(Guid userId, Guid id, CancellationToken cancellationToken)
    {
        var notification = await Owned(userId).FirstOrDefaultAsync(n => n.Id == id, cancellationToken)
            ?? throw new NotificationNotFoundException(id);
        if (!notification.Read)
        {
            notification.Read = true;
            await db.SaveChangesAsync(cancellationToken);
            await InvalidateAsync(userId);
        }

        return NotificationView.From(notification);
    }

    public async Task<int> MarkAllReadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var updated = await Owned(userId).Where(n => !n.Read)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.Read, true), cancellationToken);
        if (updated > 0)
        {
            await InvalidateAsync(userId);
        }

        return updated;
    }

    public async Task DeleteAsync(Guid userId, Guid id, CancellationToken cancellationToken)
    {
        if (await Owned(userId).Where(n => n.Id == id).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            throw new NotificationNotFoundException(id);
        }

        await InvalidateAsync(userId);
    }

    private async Task<NotificationPage> GetFirstPageAsync(Guid userId, int first, CancellationToken cancellationToken)
    {
        if (await TryCacheAsync(() => cache.TryReadFirstPageAsync(userId, first)) is { } cached)
        {
            return Page(cached.Items, first, cached.TotalCount > first, cached.UnreadCount);
        }

        // Read the version before the database, so a change committed meanwhile makes the rebuild step aside. The
        // counts come first and fix the positions the rebuild covers; the list then holds only those positions, and
        // anything committed later reaches the list through its own push.
        var version = await TryCacheAsync(() => cache.ReadVersionAsync(userId));
        var counts = await CountInDatabaseAsync(userId, cancellationToken);
        var newest = (await Newest(Owned(userId).Where(n => n.Seq <= counts.Through))
                .Take(options.Value.CachedPerUser).ToListAsync(cancellationToken))
            .Select(NotificationView.From).ToList();
        if (version is not null)
        {
            await TryCacheAsync(() => cache.TryRebuildAsync(userId, version, newest, counts));
        }

        return Page(newest, first, counts.Total > first, counts.Unread);
    }

    private static NotificationPage Page(IReadOnlyList<NotificationView> items, int first, bool hasNextPage, int unread)
    {
        var page = items.Take(first).ToList();
        return new NotificationPage(page, unread, hasNextPage, page.Count > 0 ? NotificationCursor.Of(page[^1]).Encode() : null);
    }

    private IQueryable<Notification> Owned(Guid userId) => db.Notifications.Where(n => n.UserId == userId);

    private static IQueryable<Notification> Newest(IQueryable<Notification> query) =>
        query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id);

    private Task<int> CountUnreadInDatabaseAsync(Guid userId, CancellationToken cancellationToken) =>
        Owned(userId).CountAsync(n => !n.Read, cancellationToken);

    private async Task<NotificationCounts> CountInDatabaseAsync(Guid userId, CancellationToken cancellationToken) =>
        await Owned(userId).GroupBy(n => n.UserId)
            .Select(all => new NotificationCounts(all.Count(n => !n.Read), all.Count(), all.Max(n => n.Seq)))
            .SingleOrDefaultAsync(cancellationToken)
        ?? new NotificationCounts(0, 0, 0);

    private async Task InvalidateAsync(Guid userId)
    {
        if (!await TryCacheAsync(async () => { await cache.InvalidateAsync(userId); return true; }))
        {
            LogInvalidationFailed(userId);
        }
    }

    /// <summary>The cache's answer, or default when Redis cannot give one in time (the caller then uses the database).</summary>
    private async Task<T?> TryCacheAsync<T>(Func<Task<T>> operation)
    {
        var now = time.GetUtcNow();
        _cacheDeadline ??= now + budget.Value.ServiceWaitLimit;
        if (_cacheFailed || !cache.IsConnected || now >= _cacheDeadline)
        {
            return default;
        }

        try
        {
            return await operation().WaitAsync(_cacheDeadline.Value - now, time);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            _cacheFailed = true;
            LogCacheUnavailable(exception);
            return default;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis unavailable; notifications are read from the database")]
    private partial void LogCacheUnavailable(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cached notifications of user {UserId} could not be invalidated; they expire on their own")]
    private partial void LogInvalidationFailed(Guid userId);
}
