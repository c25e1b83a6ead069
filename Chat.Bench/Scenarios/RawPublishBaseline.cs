using System.Diagnostics;
using Chat.Bench.Measurement;
using StackExchange.Redis;

namespace Chat.Bench.Scenarios;

/// <summary>
/// The other half of the floor (SPEC §8: Postgres insert + Redis publish): <c>PUBLISH</c> of a message-sized payload
/// to a channel with one subscriber on the app's Redis, by <c>concurrency</c> workers in a closed loop, with the app
/// drained. A delivered message needs at least one of each.
/// </summary>
public sealed class RawPublishBaseline : IAsyncDisposable
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("bench:raw-publish");

    private readonly ConnectionMultiplexer _redis;

    private RawPublishBaseline(ConnectionMultiplexer redis) => _redis = redis;

    public static async Task<RawPublishBaseline> CreateAsync(string connectionString)
    {
        var redis = await ConnectionMultiplexer.ConnectAsync(connectionString);
        await redis.GetSubscriber().SubscribeAsync(Channel, static (_, _) => { });
        return new RawPublishBaseline(redis);
    }

    public async Task<RawInsertBaseline.Result> RunAsync(int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        await RunWorkersAsync(concurrency, TimeSpan.FromSeconds(1), cancellationToken);
        var (count, latencies, elapsed) = await RunWorkersAsync(concurrency, duration, cancellationToken);
        return new RawInsertBaseline.Result(concurrency, count / elapsed.TotalSeconds, LatencySummary.Of(latencies));
    }

    public async ValueTask DisposeAsync() => await _redis.DisposeAsync();

    private async Task<(int Count, List<double> Latencies, TimeSpan Elapsed)> RunWorkersAsync(int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        var payload = new string('x', 200);
        var started = Stopwatch.StartNew();
        var perWorker = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>();
            var subscriber = _redis.GetSubscriber();
            while (started.Elapsed < duration)
            {
                var begin = Stopwatch.GetTimestamp();
                await subscriber.PublishAsync(Channel, payload);
                latencies.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
            }
            return latencies;
        }, cancellationToken)));
        var all = perWorker.SelectMany(latencies => latencies).ToList();
        return (all.Count, all, started.Elapsed);
    }
}
