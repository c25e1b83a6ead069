using System.Diagnostics;
using Chat.Bench.Measurement;
using Npgsql;

namespace Chat.Bench.Scenarios;

/// <summary>
/// The floor of the same machine in the same run: single-row INSERTs (autocommit, so one WAL flush each, as a sent
/// message needs) into a scratch table on the app's chat-db, by <c>concurrency</c> workers in a closed loop. Run with
/// the app idle and drained, so its backlog does not depress the floor.
/// </summary>
public sealed class RawInsertBaseline : IAsyncDisposable
{
    private const string Table = "bench_raw_inserts";

    private readonly NpgsqlDataSource _dataSource;

    private RawInsertBaseline(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    public sealed record Result(int Concurrency, double PerSecond, LatencySummary Latency);

    public static async Task<RawInsertBaseline> CreateAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 200, ApplicationName = "chat-bench" };
        var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        await using var create = dataSource.CreateCommand(
            $"CREATE TABLE IF NOT EXISTS {Table} (id uuid PRIMARY KEY, conversation_id uuid NOT NULL, content text NOT NULL, created_at timestamptz NOT NULL)");
        await create.ExecuteNonQueryAsync(cancellationToken);
        return new RawInsertBaseline(dataSource);
    }

    public async Task<Result> RunAsync(int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        await RunWorkersAsync(concurrency, TimeSpan.FromSeconds(2), cancellationToken); // pools and plans warm
        var (count, latencies, elapsed) = await RunWorkersAsync(concurrency, duration, cancellationToken);
        return new Result(concurrency, count / elapsed.TotalSeconds, LatencySummary.Of(latencies));
    }

    public async ValueTask DisposeAsync()
    {
        await using (var drop = _dataSource.CreateCommand($"DROP TABLE IF EXISTS {Table}"))
        {
            await drop.ExecuteNonQueryAsync();
        }
        await _dataSource.DisposeAsync();
    }

    private async Task<(int Count, List<double> Latencies, TimeSpan Elapsed)> RunWorkersAsync(int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var perWorker = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var latencies = new List<double>();
            var conversation = Guid.NewGuid();
            while (started.Elapsed < duration)
            {
                var begin = Stopwatch.GetTimestamp();
                await using var insert = _dataSource.CreateCommand($"INSERT INTO {Table} VALUES ($1, $2, $3, now())");
                insert.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
                insert.Parameters.Add(new NpgsqlParameter { Value = conversation });
                insert.Parameters.Add(new NpgsqlParameter { Value = $"bench message {latencies.Count}" });
                await insert.ExecuteNonQueryAsync(cancellationToken);
                latencies.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
            }
            return latencies;
        }, cancellationToken)));
        var all = perWorker.SelectMany(latencies => latencies).ToList();
        return (all.Count, all, started.Elapsed);
    }
}
