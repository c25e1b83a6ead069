using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Chat.Tests.Gateway.Support;

namespace Chat.Tests.EndToEnd.Subscriptions;

/// <summary>
/// One subscription held open by the npm <c>graphql-ws</c> client (ws-client/subscribe.mjs), its JSON lines
/// read as they arrive, so a test can wait for an event while the subscription stays open.
/// </summary>
public sealed class GraphQLWsNodeSubscription : IAsyncDisposable
{
    private static readonly string ClientDirectory = Path.Combine(ExternalProcess.RepositoryRoot(), "Chat.Tests", "EndToEnd", "ws-client");
    private readonly Process _process;
    private readonly Channel<JsonObject> _lines = Channel.CreateUnbounded<JsonObject>();

    private GraphQLWsNodeSubscription(Process process) => _process = process;

    public static async Task<GraphQLWsNodeSubscription> StartAsync(Uri gatewayUrl, string token, string query, int seconds = 60)
    {
        if (!Directory.Exists(Path.Combine(ClientDirectory, "node_modules", "graphql-ws")))
        {
            await ExternalProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], ClientDirectory, TimeSpan.FromMinutes(3));
        }
        var url = new UriBuilder(gatewayUrl) { Scheme = "ws", Path = "/graphql" }.Uri.ToString();
        var startInfo = new ProcessStartInfo("node") { WorkingDirectory = ClientDirectory, RedirectStandardOutput = true };
        foreach (var argument in new[] { "subscribe.mjs", url, token, query, "{}", "1000", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            startInfo.ArgumentList.Add(argument);
        }
        var subscription = new GraphQLWsNodeSubscription(new Process { StartInfo = startInfo });
        subscription._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                subscription._lines.Writer.TryWrite(JsonNode.Parse(line)!.AsObject());
            }
        };
        subscription._process.Start();
        subscription._process.BeginOutputReadLine();
        await subscription.NextAsync(line => line["event"]!.GetValue<string>() == "connected", TimeSpan.FromSeconds(30));
        return subscription;
    }

    /// <summary>The next line matching <paramref name="match"/>, skipping others; fails after <paramref name="timeout"/>.</summary>
    public async Task<JsonObject> NextAsync(Func<JsonObject, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var line = await _lines.Reader.ReadAsync(deadline.Token);
                if (match(line))
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"graphql-ws client: no matching line within {timeout.TotalSeconds:0.#} s");
        }
    }

    /// <summary>The next <c>next</c> payload's data field <paramref name="field"/> for which <paramref name="match"/> holds.</summary>
    public async Task<(JsonNode Data, DateTimeOffset ReceivedAt)> NextDataAsync(string field, Func<JsonNode, bool> match, TimeSpan timeout)
    {
        var line = await NextAsync(l => l["event"]!.GetValue<string>() == "next"
            && l["payload"]?["data"]?[field] is { } data && match(data), timeout);
        return (line["payload"]!["data"]![field]!, DateTimeOffset.FromUnixTimeMilliseconds(line["at"]!.GetValue<long>()));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
