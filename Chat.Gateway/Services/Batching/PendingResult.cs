using GraphQL.DataLoader;

namespace Chat.Gateway.Services.Batching;

/// <summary>A value the executer asks for only once the rest of the level has run, so loads can be batched.</summary>
public sealed class PendingResult<T>(Func<CancellationToken, Task<T>> resolve) : IDataLoaderResult<T>
{
    private Task<T>? _result;

    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => _result ??= resolve(cancellationToken);

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
}
