using GraphQL.DataLoader;

namespace Chat.Gateway.Services.Batching;

/// <summary>
/// Batches the lookups of one GraphQL request: every key loaded while a level of the query resolves joins one
/// batch, fetched with one call when graphql-dotnet first asks a pending result for its value; keys already in a
/// batch of this request are answered from it. Keep one per request (scoped).
/// </summary>
/// <remarks>
/// graphql-dotnet's own loaders live in the GraphQL.DataLoader package, which our package feed does not have; the
/// executer's support for <see cref="IDataLoaderResult{T}"/> is in the core package and is what this builds on.
/// </remarks>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Batch> _batchOf = [];
    private Batch _open = new();

    /// <summary>The value of <paramref name="key"/>, or default when the fetch did not find it.</summary>
    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        var batch = Enqueue([key])[0];
        return new PendingResult<TValue?>(async cancellationToken =>
            (await DispatchAsync(batch, cancellationToken)).GetValueOrDefault(key));
    }

    /// <summary>The values found, in the order of <paramref name="keys"/>; keys not found are left out.</summary>
    public IDataLoaderResult<TValue[]> LoadMany(IReadOnlyList<TKey> keys)
    {
        var batches = Enqueue(keys);
        return new PendingResult<TValue[]>(async cancellationToken =>
        {
            var found = (await Task.WhenAll(batches.Distinct().Select(batch => DispatchAsync(batch, cancellationToken))))
                .SelectMany(values => values).ToDictionary();
            return [.. keys.Where(found.ContainsKey).Select(key => found[key])];
        });
    }

    private List<Batch> Enqueue(IEnumerable<TKey> keys)
    {
        lock (_gate)
        {
            return [.. keys.Select(key =>
            {
                if (!_batchOf.TryGetValue(key, out var batch))
                {
                    batch = _batchOf[key] = _open;
                    batch.Keys.Add(key);
                }
                return batch;
            })];
        }
    }

    private Task<IReadOnlyDictionary<TKey, TValue>> DispatchAsync(Batch batch, CancellationToken cancellationToken)
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
                batch.Result = fetch([.. batch.Keys], cancellationToken);
            }
            return batch.Result;
        }
    }

    private sealed class Batch
    {
        public List<TKey> Keys { get; } = [];

        public Task<IReadOnlyDictionary<TKey, TValue>>? Result { get; set; }
    }
}
