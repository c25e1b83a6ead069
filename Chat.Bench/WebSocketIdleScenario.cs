using System.Diagnostics;
using System.Net.WebSockets;
using Chat.AppHost;
using Chat.ServiceDefaults;

namespace Chat.Bench;

/// <summary>
/// How many idle, subscribed graphql-transport-ws connections one gateway holds, and what each costs: connections
/// are opened in steps (each does connection_init, subscribes to notificationAdded and messageAdded, and proves the
/// subscriptions live with a ping/pong), then sit idle; after each step the gateway process's resident memory is
/// read from /proc. Baseline: the same process with no connection, measured in the same run.
/// Options: <c>--max 5000 --step 1000 --users 20</c>. Needs <c>ulimit -n</c> above twice <c>--max</c>.
/// </summary>
public sealed class WebSocketIdleScenario : IBenchmarkScenario
{
    private const int ConnectConcurrency = 32;

    public string Name => "ws-idle";

    public string Description => "idle subscribed WebSocket connections per gateway and memory per connection";

    public async Task RunAsync(string[] options)
    {
        var max = BenchmarkSettings.Option(options, "--max", 5000);
        var step = BenchmarkSettings.Option(options, "--step", 1000);
        var userCount = BenchmarkSettings.Option(options, "--users", 20);

        var settings = BenchmarkSettings.Unthrottled();
        settings.ServiceSettings[ResourceNames.Gateway]["Logging__LogLevel__Default"] = "Warning";
        await using var app = await BenchmarkApplication.StartAsync(settings);
        var gateway = app.EndpointOf(ResourceNames.Gateway);
        var gatewayPid = app.App[ResourceNames.Gateway].ProcessId ?? throw new InvalidOperationException("The gateway has no process id.");

        var tokens = await RegisterUsersAsync(gateway, userCount);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var baseline = ResidentBytes(gatewayPid);
        Console.WriteLine($"gateway pid {gatewayPid}, baseline resident memory {baseline / 1048576.0:F1} MiB, {userCount} users");
        Console.WriteLine("| connections | subscriptions | connect time (s) | gateway RSS (MiB) | delta (MiB) | KiB per connection |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");

        var sockets = new List<GraphQLWsClient>();
        try
        {
            for (var target = step; target <= max; target += step)
            {
                var started = Stopwatch.StartNew();
                var opened = await OpenAsync(gateway, tokens, sockets.Count, target - sockets.Count);
                sockets.AddRange(opened);
                var connectSeconds = started.Elapsed.TotalSeconds;
                await Task.Delay(TimeSpan.FromSeconds(3)); // let allocation settle before reading memory
                var resident = ResidentBytes(gatewayPid);
                var delta = resident - baseline;
                Console.WriteLine($"| {sockets.Count} | {sockets.Count * 2} | {connectSeconds:F1} | {resident / 1048576.0:F1} | " +
                                  $"{delta / 1048576.0:F1} | {delta / 1024.0 / sockets.Count:F1} |");
            }

            var open = sockets.Count(socket => socket.State == WebSocketState.Open);
            Console.WriteLine($"still open after the last step: {open} of {sockets.Count}");
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }
    }

    private static async Task<List<string>> RegisterUsersAsync(Uri gateway, int count)
    {
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(60) };
        var tokens = new List<string>();
        for (var i = 0; i < count; i++)
        {
            tokens.Add((await Scenarios.GatewayCalls.RegisterAsync(http)).Token);
        }
        return tokens;
    }

    private static async Task<GraphQLWsClient[]> OpenAsync(Uri gateway, List<string> tokens, int first, int count)
    {
        using var gate = new SemaphoreSlim(ConnectConcurrency);
        return await Task.WhenAll(Enumerable.Range(first, count).Select(async index =>
        {
            await gate.WaitAsync();
            try
            {
                return await OpenOneAsync(gateway, tokens[index % tokens.Count]);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    private static async Task<GraphQLWsClient> OpenOneAsync(Uri gateway, string token)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var client = await GraphQLWsClient.ConnectAsync(gateway, token, timeout.Token);
        try
        {
            await client.SubscribeAsync("n", "subscription { notificationAdded { id } }", timeout.Token);
            await client.SubscribeAsync("m", "subscription { messageAdded { messageId } }", timeout.Token);
            await client.PingAsync(timeout.Token);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static long ResidentBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
            }
        }
        throw new InvalidOperationException("No VmRSS for process " + pid);
    }

}
