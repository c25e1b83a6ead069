using System.Collections.Concurrent;
using Chat.Gateway.Schema.Messaging;
using GraphQL.DataLoader;

namespace Chat.Gateway.Services.Auth;

/// <summary>
/// Users by id for one GraphQL request (scoped), as a batching data loader: resolvers return pending results, the
/// executer completes them after the rest of the level, and the first one to complete sends every id queued so
/// far to Auth in one <c>POST /auth/users/lookup</c> (each id once per request). A list of conversations with
/// participants and senders therefore costs one or two calls, not one per user.
/// </summary>
/// <remarks>
/// graphql-dotnet's own loaders live in the GraphQL.DataLoader package, which the package feed does not have;
/// the executer's support for <see cref="IDataLoaderResult{T}"/> is in the core package and is what this uses.
/// </remarks>
public sealed class UserDirectory(AuthServiceClient auth)
{
    private readonly Lock _lock = new();
    private readonly HashSet<Guid> _requested = [];
    private readonly ConcurrentDictionary<Guid, Participant> _found = new();
    private List<Guid> _queued = [];
    private Task _fetched = Task.CompletedTask;

    public IDataLoaderResult<Participant?> Load(Guid id)
    {
        Enqueue([id]);
        return new PendingResult<Participant?>(async cancellationToken =>
        {
            await FetchQueuedAsync(cancellationToken);
            return _found.GetValueOrDefault(id);
        });
    }

    /// <summary>The users that exist, in the order asked; unknown ids are left out.</summary>
    public IDataLoaderResult<Participant[]> LoadMany(IReadOnlyList<Guid> ids)
    {
        Enqueue(ids);
        return new PendingResult<Participant[]>(async cancellationToken =>
        {
            await FetchQueuedAsync(cancellationToken);
            return [.. ids.Select(id => _found.GetValueOrDefault(id)).OfType<Participant>()];
        });
    }

    private void Enqueue(IEnumerable<Guid> ids)
    {
        lock (_lock)
        {
            _queued.AddRange(ids.Where(_requested.Add));
        }
    }

    /// <summary>Sends what is queued (if anything) after any batch already on its way, and waits for both.</summary>
    private Task FetchQueuedAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_queued.Count > 0)
            {
                var batch = _queued;
                _queued = [];
                var previous = _fetched;
                _fetched = Task.WhenAll(previous, FetchAsync(batch, cancellationToken));
            }

            return _fetched;
        }
    }

    private async Task FetchAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        foreach (var chunk in ids.Chunk(AuthServiceClient.MaxLookupIds))
        {
            foreach (var (id, user) in await auth.LookupUsersAsync(chunk, cancellationToken))
            {
                _found[id] = user;
            }
        }
    }
}
