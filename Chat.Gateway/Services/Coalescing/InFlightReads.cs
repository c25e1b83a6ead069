using System.Collections.Concurrent;

namespace Chat.Gateway.Services.Coalescing;

/// <summary>
/// The reads now on their way to a service, by what identifies their answer (URL and the caller's credentials). A read
/// is here only while it is in flight: nothing is cached once it has answered.
/// </summary>
public sealed class InFlightReads
{
    private readonly ConcurrentDictionary<(string Url, string? Authorization), Lazy<Task<BufferedResponse>>> reads = new();

    /// <summary>
    /// The answer of the read under <paramref name="key"/>: joins the one in flight, or starts it with <paramref name="send"/>.
    /// </summary>
    public Task<BufferedResponse> JoinOrStart((string Url, string? Authorization) key, Func<Task<BufferedResponse>> send)
    {
        var read = reads.GetOrAdd(key, _ => new Lazy<Task<BufferedResponse>>(() => SendThenForget(key, send)));
        return read.Value;
    }

    private async Task<BufferedResponse> SendThenForget((string Url, string? Authorization) key, Func<Task<BufferedResponse>> send)
    {
        try
        {
            return await send();
        }
        finally
        {
            reads.TryRemove(key, out _);
        }
    }
}
