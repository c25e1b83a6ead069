using System.Net.Http.Json;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.EndToEnd;

/// <summary>
/// The running gateway's count of calls to services ("service METHOD /path"), for tests that prove how many calls a
/// request makes.
/// </summary>
public sealed class DownstreamCalls(IReadOnlyDictionary<string, long> counts)
{
    private IReadOnlyDictionary<string, long> Counts { get; } = counts;

    public static async Task<DownstreamCalls> ReadAsync(DistributedAppFixture fixture)
    {
        using var http = fixture.CreateClient(Chat.ServiceDefaults.ResourceNames.Gateway);
        return new DownstreamCalls((await http.GetFromJsonAsync<Dictionary<string, long>>("/diagnostics/downstream-calls"))!);
    }

    /// <summary>All calls whose key ("service METHOD /path") matches, since the gateway started.</summary>
    public long Matching(Func<string, bool> key) => Counts.Where(count => key(count.Key)).Sum(count => count.Value);

    /// <summary>Calls to <paramref name="key"/> made since <paramref name="before"/> was read.</summary>
    public long Since(DownstreamCalls before, string key) => Counts.GetValueOrDefault(key) - before.Counts.GetValueOrDefault(key);
}
