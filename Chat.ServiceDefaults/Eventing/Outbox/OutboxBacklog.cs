using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chat.ServiceDefaults.Eventing.Outbox;

/// <summary>
/// The outbox backlog (unsent rows, age of the oldest) as gauges, refreshed by the publisher between batches
/// (gauge callbacks must not query a database), and the clean-up of rows sent longer ago than the retention.
/// </summary>
public sealed class OutboxBacklog<TContext>(
    IServiceScopeFactory scopes, EventingMetrics metrics, IOptions<OutboxOptions> options, TimeProvider time) where TContext : DbContext
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromMinutes(1);
    private KeyValuePair<string, object?>[]? _tags; // known after the first refresh: the database name needs a context
    private DateTimeOffset _lastRefresh = DateTimeOffset.MinValue;
    private DateTimeOffset _lastCleanup = DateTimeOffset.MinValue;
    private long _pending;
    private double _oldestAgeSeconds;

    public long Pending => Interlocked.Read(ref _pending);

    public IDisposable Register() => metrics.AddOutboxSource(
        () => Volatile.Read(ref _tags) is { } tags ? [new Measurement<long>(Pending, tags)] : [],
        () => Volatile.Read(ref _tags) is { } tags ? [new Measurement<double>(Volatile.Read(ref _oldestAgeSeconds), tags)] : []);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _lastRefresh < RefreshInterval)
        {
            return;
        }
        _lastRefresh = now;
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var outbox = context.Set<OutboxMessage>();
        var unsent = outbox.Where(m => m.SentAt == null);
        Interlocked.Exchange(ref _pending, await unsent.LongCountAsync(cancellationToken));
        var oldest = await unsent.MinAsync(m => (DateTimeOffset?)m.CreatedAt, cancellationToken);
        Volatile.Write(ref _oldestAgeSeconds, oldest is null ? 0 : Math.Max(0, (now - oldest.Value).TotalSeconds));
        Volatile.Write(ref _tags, _tags ?? [
            new("chat.outbox.context", typeof(TContext).Name),
            new("db.namespace", context.Database.GetDbConnection().Database),
        ]);

        if (now - _lastCleanup >= CleanupInterval)
        {
            _lastCleanup = now;
            var cutoff = now - options.Value.RetainSent;
            await outbox.Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
