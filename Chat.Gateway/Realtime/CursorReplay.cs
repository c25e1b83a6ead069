using Chat.Gateway.Configuration;
using Chat.Gateway.Errors;
using Microsoft.Extensions.Options;

namespace Chat.Gateway.Realtime;

/// <summary>
/// Replays a stored log after a client's cursor in batches, for a <see cref="ResumingStream{T, TKey}"/>. The first
/// batch is read while the client subscribes, so a cursor too far behind (more than
/// <see cref="ResumeOptions.ReplayBudget"/>) or unknown fails the subscribe with RESYNC_REQUIRED; the rest are read
/// as the stream delivers them. Every batch request waits for one of <see cref="ResumeOptions.MaxConcurrentReplays"/>
/// slots of this instance, so a reconnect storm queues here instead of flooding the service.
/// </summary>
public sealed class CursorReplay(IOptions<ResumeOptions> options)
{
    private readonly SemaphoreSlim slots = new(options.Value.MaxConcurrentReplays);

    public int PageSize => options.Value.PageSize;

    /// <param name="after">The client's cursor.</param>
    /// <param name="fetch">Reads one batch after a position.</param>
    /// <param name="map">An item as the subscription delivers it.</param>
    /// <param name="resync">The error for a cursor that cannot be replayed, given the newest position.</param>
    public async Task<Func<CancellationToken, IAsyncEnumerable<TEvent>>> StartAsync<TItem, TEvent>(
        long after, Func<long, CancellationToken, Task<LogPage<TItem>>> fetch, Func<TItem, TEvent> map,
        Func<long, GatewayError> resync, CancellationToken cancellationToken)
    {
        var first = await FetchAsync(fetch, after, cancellationToken);
        if (after > first.Latest || first.Latest - after > options.Value.ReplayBudget)
        {
            throw resync(first.Latest);
        }
        return stopping => ReadAsync(first, fetch, map, stopping);
    }

    /// <summary>
    /// Up to the newest position the first batch saw: anything written later was published after the live feed was
    /// subscribed (positions follow commit order), so the stream has it buffered.
    /// </summary>
    private async IAsyncEnumerable<TEvent> ReadAsync<TItem, TEvent>(
        LogPage<TItem> first, Func<long, CancellationToken, Task<LogPage<TItem>>> fetch, Func<TItem, TEvent> map,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken stopping)
    {
        var target = first.Latest;
        for (var page = first; ; page = await FetchAsync(fetch, page.Position, stopping))
        {
            foreach (var item in page.Items)
            {
                yield return map(item);
            }
            if (!page.HasMore || page.Position >= target)
            {
                yield break;
            }
        }
    }

    private async Task<LogPage<TItem>> FetchAsync<TItem>(
        Func<long, CancellationToken, Task<LogPage<TItem>>> fetch, long after, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        try
        {
            return await fetch(after, cancellationToken);
        }
        finally
        {
            slots.Release();
        }
    }
}
