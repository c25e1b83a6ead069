using Chat.Gateway.Schema.Types;
using GraphQL.DataLoader;

namespace Chat.Gateway.Services.Presence;

/// <summary>
/// Batches presence lookups of one GraphQL request: every <see cref="Load"/> made while a level of the query
/// resolves joins one batch, sent as one <c>POST /presence/bulk</c> (500 ids per request) when graphql-dotnet
/// first asks a pending result for its value; ids already fetched in this request are answered from that
/// batch. Scoped: one per HTTP request. Hook a field on it by returning <see cref="Load"/>'s result:
/// <code>public IDataLoaderResult&lt;UserPresence?&gt; Presence([FromServices] PresenceLoader loader) => loader.Load(UserId);</code>
/// </summary>
/// <remarks>
/// graphql-dotnet's own loader package (GraphQL.DataLoader) is not in our package feed; the execution engine's
/// <see cref="IDataLoaderResult"/> support is in the core package, and this is the small part of a loader we need.
/// </remarks>
public sealed class PresenceLoader(PresenceServiceClient presence)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Batch> _batchOf = [];
    private Batch _open = new();

    public IDataLoaderResult<UserPresence?> Load(Guid userId)
    {
        lock (_gate)
        {
            if (!_batchOf.TryGetValue(userId, out var batch))
            {
                batch = _open;
                batch.UserIds.Add(userId);
                _batchOf[userId] = batch;
            }
            return new PendingPresence(this, batch, userId);
        }
    }

    private Task<Dictionary<Guid, UserPresence>> DispatchAsync(Batch batch, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (batch.Result is null)
            {
                // Loads from now on start the next batch.
                if (ReferenceEquals(batch, _open))
                {
                    _open = new Batch();
                }
                batch.Result = FetchAsync([.. batch.UserIds], cancellationToken);
            }
            return batch.Result;
        }
    }

    private async Task<Dictionary<Guid, UserPresence>> FetchAsync(List<Guid> userIds, CancellationToken cancellationToken)
    {
        var pages = await Task.WhenAll(userIds.Chunk(PresenceServiceClient.MaxBulkIds)
            .Select(chunk => presence.GetManyAsync(chunk, cancellationToken)));
        return pages.SelectMany(page => page).ToDictionary(found => found.UserId);
    }

    private sealed class Batch
    {
        public List<Guid> UserIds { get; } = [];

        public Task<Dictionary<Guid, UserPresence>>? Result { get; set; }
    }

    private sealed class PendingPresence(PresenceLoader loader, Batch batch, Guid userId) : IDataLoaderResult<UserPresence?>
    {
        public async Task<UserPresence?> GetResultAsync(CancellationToken cancellationToken = default) =>
            (await loader.DispatchAsync(batch, cancellationToken)).GetValueOrDefault(userId);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
