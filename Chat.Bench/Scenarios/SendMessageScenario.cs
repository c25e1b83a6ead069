using System.Globalization;
using Chat.AppHost;
using Chat.AppHost.Hosting;
using Chat.ServiceDefaults;
using Npgsql;

namespace Chat.Bench.Scenarios;

/// <summary>
/// Sustained <c>sendMessage</c> through the gateway (gateway → Messaging → Postgres + outbox) at several
/// concurrency levels, next to the floor of the same machine measured in the same run: single-row INSERTs into
/// a scratch table on chat-db at the same concurrency. Each sender writes to its own 1:1 conversation.
/// Options: <c>--duration &lt;seconds&gt;</c> (default 10), <c>--levels 1,4,16</c>.
/// </summary>
public sealed class SendMessageScenario : IBenchmarkScenario
{
    public string Name => "send-message";

    public string Description => "sendMessage msgs/s and p50/p99 at 1/4/16 senders vs raw Postgres INSERTs";

    public async Task RunAsync(string[] options)
    {
        var duration = TimeSpan.FromSeconds(BenchmarkSettings.Option(options, "--duration", 10));
        var levels = (BenchmarkSettings.Option(options, "--levels") ?? "1,4,16").Split(',').Select(int.Parse).ToArray();

        var settings = BenchmarkSettings.Unthrottled();
        Console.WriteLine("starting the distributed app...");
        await using var app = await BenchmarkApplication.StartAsync(settings);
        using var http = new HttpClient { BaseAddress = app.EndpointOf(ResourceNames.Gateway) };
        var chatDb = ((IResourceWithConnectionString)app.App[ResourceNames.ChatDb]).ConnectionString;

        var receiver = await GatewayCalls.RegisterAsync(http);
        var senders = new List<(string Token, string ConversationId)>();
        for (var i = 0; i < levels.Max(); i++)
        {
            var sender = await GatewayCalls.RegisterAsync(http);
            senders.Add((sender.Token, await GatewayCalls.CreateConversationAsync(http, sender.Token, receiver.Id)));
        }

        await using var dataSource = NpgsqlDataSource.Create(chatDb);
        await using (var create = dataSource.CreateCommand(
            "CREATE TABLE IF NOT EXISTS bench_inserts (id uuid PRIMARY KEY, conversation_id uuid NOT NULL, content text NOT NULL, created_at timestamptz NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        Task Send(int worker, long n) =>
            GatewayCalls.SendMessageAsync(http, senders[worker].Token, senders[worker].ConversationId, $"bench message {n}");

        async Task Insert(int worker, long n)
        {
            await using var insert = dataSource.CreateCommand("INSERT INTO bench_inserts VALUES ($1, $2, $3, now())");
            insert.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
            insert.Parameters.Add(new NpgsqlParameter { Value = Guid.Parse(senders[worker].ConversationId) });
            insert.Parameters.Add(new NpgsqlParameter { Value = $"bench message {n}" });
            await insert.ExecuteNonQueryAsync();
        }

        // Warm-up: JIT, connection pools, the outbox publisher's first Kafka round trip.
        await LatencyRecorder.RunAsync(levels.Max(), TimeSpan.FromSeconds(3), Send);
        await LatencyRecorder.RunAsync(levels.Max(), TimeSpan.FromSeconds(1), Insert);

        Console.WriteLine($"duration {duration.TotalSeconds:0} s per level, {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"what",-28} {"conc",4} {"ops",7} {"ops/s",9} {"p50 ms",8} {"p99 ms",8}");
        foreach (var level in levels)
        {
            Print("sendMessage via gateway", await LatencyRecorder.RunAsync(level, duration, Send));
            Print("raw Postgres INSERT", await LatencyRecorder.RunAsync(level, duration, Insert));
        }

        await using var drop = dataSource.CreateCommand("DROP TABLE bench_inserts");
        await drop.ExecuteNonQueryAsync();
    }

    private static void Print(string what, LoadResult result) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{what,-28} {result.Concurrency,4} {result.Operations,7} {result.PerSecond,9:0.0} {result.P50Ms,8:0.00} {result.P99Ms,8:0.00}"));

}
