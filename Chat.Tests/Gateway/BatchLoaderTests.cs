using Chat.Gateway.Services.Batching;

namespace Chat.Tests.Gateway;

/// <summary>The batching logic alone, with a fetch that records what it was asked (end to end: PresenceLoaderTests, ConversationsThroughGatewayTests).</summary>
public sealed class BatchLoaderTests
{
    private readonly List<IReadOnlyList<int>> _fetches = [];
    private readonly BatchLoader<int, string> _loader;

    public BatchLoaderTests() => _loader = new BatchLoader<int, string>((keys, _) =>
    {
        _fetches.Add(keys);
        return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.Where(k => k > 0).ToDictionary(k => k, k => $"v{k}"));
    });

    [Fact]
    public async Task LoadsBeforeTheFirstResultIsAskedFor_AreOneFetch_EachKeyOnce()
    {
        var one = _loader.Load(1);
        var many = _loader.LoadMany([2, 1, 3]);

        Assert.Equal("v1", await one.GetResultAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["v2", "v1", "v3"], await many.GetResultAsync(TestContext.Current.CancellationToken));
        Assert.Equal([[1, 2, 3]], _fetches);
    }

    [Fact]
    public async Task LoadsAfterADispatch_StartTheNextBatch_AndKnownKeysAreNotFetchedAgain()
    {
        await _loader.Load(1).GetResultAsync(TestContext.Current.CancellationToken);

        var next = _loader.LoadMany([1, 4]);

        Assert.Equal(["v1", "v4"], await next.GetResultAsync(TestContext.Current.CancellationToken));
        Assert.Equal([[1], [4]], _fetches);
    }

    [Fact]
    public async Task KeysTheFetchDidNotFind_AreDefaultAlone_AndLeftOutOfMany()
    {
        var missing = _loader.Load(-1);
        var many = _loader.LoadMany([-2, 5]);

        Assert.Null(await missing.GetResultAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["v5"], await many.GetResultAsync(TestContext.Current.CancellationToken));
    }
}
