using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
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
        var max = Option(options, "--max", 5000);
        var step = Option(options, "--step", 1000);
        var userCount = Option(options, "--users", 20);

        var settings = new ChatApplicationOptions();
        settings.ServiceSettings[ResourceNames.Gateway] = new()
        {
            ["RateLimiting__PermitsPerIp"] = "1000000",
            ["RateLimiting__PermitsPerUser"] = "1000000",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        settings.ServiceSettings[ResourceNames.Auth] = new() { ["Auth__LoginRateLimit__PerIpPermitLimit"] = "100000" };
        await using var app = await BenchmarkApplication.StartAsync(settings);
        var gateway = app.EndpointOf(ResourceNames.Gateway);
        var gatewayPid = app.App[ResourceNames.Gateway].ProcessId ?? throw new InvalidOperationException("The gateway has no process id.");

        var tokens = await RegisterUsersAsync(gateway, userCount);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var baseline = ResidentBytes(gatewayPid);
        Console.WriteLine($"gateway pid {gatewayPid}, baseline resident memory {baseline / 1048576.0:F1} MiB, {userCount} users");
        Console.WriteLine("| connections | subscriptions | connect time (s) | gateway RSS (MiB) | delta (MiB) | KiB per connection |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");

        var sockets = new List<ClientWebSocket>();
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
                socket.Abort();
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
            var name = "wsidle" + Guid.NewGuid().ToString("N")[..10];
            using var response = await http.PostAsJsonAsync("/graphql", new
            {
                query = "mutation($input: RegisterInput!) { register(input: $input) { accessToken } }",
                variables = new { input = new { email = name + "@example.com", username = name, password = "correct horse 1" } },
            });
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            tokens.Add(body["data"]?["register"]?["accessToken"]?.GetValue<string>()
                       ?? throw new InvalidOperationException("register failed: " + body.ToJsonString()));
        }
        return tokens;
    }

    private static async Task<ClientWebSocket[]> OpenAsync(Uri gateway, List<string> tokens, int first, int count)
    {
        using var gate = new SemaphoreSlim(ConnectConcurrency);
        var url = new UriBuilder(gateway) { Scheme = "ws", Path = "/graphql" }.Uri;
        return await Task.WhenAll(Enumerable.Range(first, count).Select(async index =>
        {
            await gate.WaitAsync();
            try
            {
                return await OpenOneAsync(url, tokens[index % tokens.Count]);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    private static async Task<ClientWebSocket> OpenOneAsync(Uri url, string token)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await socket.ConnectAsync(url, timeout.Token);
        await SendAsync(socket, new { type = "connection_init", payload = new { token } }, timeout.Token);
        await ExpectAsync(socket, "connection_ack", timeout.Token);
        await SendAsync(socket, new { id = "n", type = "subscribe", payload = new { query = "subscription { notificationAdded { id } }" } }, timeout.Token);
        await SendAsync(socket, new { id = "m", type = "subscribe", payload = new { query = "subscription { messageAdded { messageId } }" } }, timeout.Token);
        await SendAsync(socket, new { type = "ping" }, timeout.Token);
        await ExpectAsync(socket, "pong", timeout.Token);
        return socket;
    }

    private static Task SendAsync(ClientWebSocket socket, object message, CancellationToken cancellationToken) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, cancellationToken);

    private static async Task ExpectAsync(ClientWebSocket socket, string type, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var result = await socket.ReceiveAsync(buffer, cancellationToken);
        var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
        if (result.MessageType == WebSocketMessageType.Close || !text.Contains($"\"{type}\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Expected {type}, got {text} ({socket.CloseStatus} {socket.CloseStatusDescription}).");
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

    private static int Option(string[] options, string name, int fallback)
    {
        var index = Array.IndexOf(options, name);
        return index >= 0 && index + 1 < options.Length ? int.Parse(options[index + 1]) : fallback;
    }
}
