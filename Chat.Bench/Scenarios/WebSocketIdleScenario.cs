using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using Chat.Bench.Client;
using Chat.Bench.Measurement;
using Chat.Bench.Target;

namespace Chat.Bench.Scenarios;

/// <summary>
/// Idle subscribed graphql-transport-ws connections on one gateway and what each costs. Sockets open in steps (each:
/// connection_init, notificationAdded and messageAdded subscriptions, a ping/pong proving them set up), every socket
/// is read throughout, then all idle for longer than the gateway's presence heartbeat (25 s) and a final ping/pong
/// round on every socket shows which are still served. Failures are counted by phase and cause, never fatal.
/// Reports the fd budget (this process's and the gateway's open-files limit) and the gateway's VmRSS per socket.
/// Options: <c>--sockets 5000 --step 1000 --users 20 --idle 40</c>.
/// </summary>
public sealed class WebSocketIdleScenario : IBenchmarkScenario
{
    private const int ConnectConcurrency = 32;
    private static readonly TimeSpan PongTimeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);

    public string Name => "ws-idle";

    public string Description => "idle subscribed WebSockets: failures after an idle period, fd budget, gateway memory per socket";

    public async Task RunAsync(BenchmarkTarget target, CommandLine options, CancellationToken cancellationToken)
    {
        var max = options.Int("--sockets", 5000);
        var step = options.Int("--step", Math.Max(1, max / 5));
        var idle = TimeSpan.FromSeconds(options.Seconds("--idle", 40));
        var gateway = target.App?.Find(ProcessRoles.Gateway);
        var self = LinuxProcess.Read(Environment.ProcessId)!;
        Console.WriteLine($"# fd budget: this process {self.OpenFilesLimit} (soft / hard), " +
                          $"gateway {(gateway is null ? "not on this machine" : $"pid {gateway.Pid}: {gateway.OpenFilesLimit}, {gateway.OpenFileCount} open")}");

        using var http = new HttpClient { BaseAddress = target.Gateway, Timeout = TimeSpan.FromSeconds(60) };
        var tokens = new List<string>();
        for (var i = 0; i < options.Int("--users", 20); i++)
        {
            tokens.Add((await GatewayCalls.RegisterAsync(http)).Token);
        }
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken); // let the gateway settle before the baseline
        var baseline = gateway?.StatusKiB("VmRSS") ?? 0;
        Console.WriteLine($"| sockets open | failed so far | connect time (s) | gateway fds | gateway VmRSS (MiB) | KiB per socket over baseline {baseline / 1024.0:0.0} MiB |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");

        using var reading = new CancellationTokenSource();
        var sockets = new ConcurrentBag<GraphQLWsClient>();
        try
        {
            for (var opened = 0; opened < max;)
            {
                var count = Math.Min(step, max - opened);
                var started = Stopwatch.StartNew();
                await OpenAsync(target.Gateway, tokens, opened, count, sockets, reading.Token);
                opened += count;
                await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken); // allocation settles before memory is read
                var resident = gateway?.StatusKiB("VmRSS");
                var live = sockets.Count(socket => socket.State == WebSocketState.Open);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {live} | {_failures.Values.Sum()} | {started.Elapsed.TotalSeconds:0.0} | {gateway?.OpenFileCount.ToString(CultureInfo.InvariantCulture) ?? "n/a"} | " +
                    $"{(resident is { } kib ? (kib / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) : "n/a")} | " +
                    $"{(resident is { } r && live > 0 ? ((r - baseline) / (double)live).ToString("0.0", CultureInfo.InvariantCulture) : "n/a")} |"));
            }

            Console.WriteLine($"idle for {idle.TotalSeconds:0} s (longer than the gateway's 25 s presence heartbeat)...");
            await Task.Delay(idle, cancellationToken);
            var closedWhileIdle = sockets.Count(socket => socket.State != WebSocketState.Open);
            var answered = await PingAllAsync(sockets, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"after the idle period: {answered} of {sockets.Count} sockets answered a ping ({closedWhileIdle} closed while idle); " +
                $"{_failures.Values.Sum()} failures in all; load average {LoadAverage.Now()}"));
            foreach (var (cause, count) in _failures.OrderByDescending(pair => pair.Value))
            {
                Console.WriteLine($"  {count,7}  {cause}");
            }
        }
        finally
        {
            await reading.CancelAsync();
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }
    }

    private async Task OpenAsync(Uri gateway, List<string> tokens, int first, int count, ConcurrentBag<GraphQLWsClient> sockets, CancellationToken reading)
    {
        using var gate = new SemaphoreSlim(ConnectConcurrency);
        await Task.WhenAll(Enumerable.Range(first, count).Select(async index =>
        {
            await gate.WaitAsync(reading);
            try
            {
                if (await OpenOneAsync(gateway, tokens[index % tokens.Count], reading) is { } socket)
                {
                    sockets.Add(socket);
                }
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    private async Task<GraphQLWsClient?> OpenOneAsync(Uri gateway, string token, CancellationToken reading)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        GraphQLWsClient socket;
        try
        {
            socket = await GraphQLWsClient.ConnectAsync(gateway, token, timeout.Token);
        }
        catch (Exception exception) when (exception is WebSocketException or InvalidOperationException or OperationCanceledException or IOException)
        {
            Fail("connect", exception);
            return null;
        }
        try
        {
            await socket.SubscribeAsync("n", "subscription { notificationAdded { id } }", timeout.Token);
            await socket.SubscribeAsync("m", "subscription { messageAdded { messageId } }", timeout.Token);
            socket.StartReading(frame => _failures.AddOrUpdate($"unexpected {frame.Type} frame", 1, (_, n) => n + 1), reading);
            await socket.PingAsync(PongTimeout, timeout.Token);
            return socket;
        }
        catch (Exception exception) when (exception is WebSocketException or TimeoutException or OperationCanceledException or IOException)
        {
            Fail("subscribe", exception);
            socket.Dispose();
            return null;
        }
    }

    private async Task<int> PingAllAsync(IEnumerable<GraphQLWsClient> sockets, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(ConnectConcurrency * 4);
        var results = await Task.WhenAll(sockets.Select(async socket =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                await socket.PingAsync(PongTimeout, cancellationToken);
                return true;
            }
            catch (Exception exception) when (exception is WebSocketException or TimeoutException or OperationCanceledException or ObjectDisposedException or IOException)
            {
                Fail($"ping after idle ({socket.State}{(socket.CloseStatus is { Length: > 0 } status ? ": " + status : "")})", exception);
                return false;
            }
            finally
            {
                gate.Release();
            }
        }));
        return results.Count(answered => answered);
    }

    private void Fail(string phase, Exception exception) =>
        _failures.AddOrUpdate($"{phase}: {exception.GetType().Name}: {Shorten(exception.Message)}", 1, (_, n) => n + 1);

    private static string Shorten(string message) => message.Length <= 90 ? message : message[..87] + "...";
}
