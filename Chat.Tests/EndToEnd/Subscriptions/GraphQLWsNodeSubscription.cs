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
    private readonly List<JsonObject> _history = [];

    private GraphQLWsNodeSubscription(Process process) => _process = process;

    public static Task<GraphQLWsNodeSubscription> StartAsync(Uri gatewayUrl, string token, string query, int seconds = 60, object? variables = null) =>
        RunAsync("subscribe.mjs", [WebSocketUrl(gatewayUrl), token, query, Json(variables), "1000", Invariant(seconds)]);

    /// <summary>
    /// A subscription through ws-client/resume.mjs: it keeps the cursor of the last event of <paramref name="field"/>
    /// and, whenever its socket drops, reconnects (round the given gateways) and resubscribes with <c>after</c> = that cursor.
    /// </summary>
    public static Task<GraphQLWsNodeSubscription> ResumingAsync(
        IEnumerable<Uri> gateways, string token, string field, string query, object variables, int seconds = 120) =>
        RunAsync("resume.mjs", [string.Join(',', gateways.Select(WebSocketUrl)), token, field, query, Json(variables), Invariant(seconds)]);

    private static async Task<GraphQLWsNodeSubscription> RunAsync(string script, string[] arguments)
    {
        if (!Directory.Exists(Path.Combine(ClientDirectory, "node_modules", "graphql-ws")))
        {
            await ExternalProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], ClientDirectory, TimeSpan.FromMinutes(3));
        }
        var startInfo = new ProcessStartInfo("node") { WorkingDirectory = ClientDirectory, RedirectStandardOutput = true };
        foreach (var argument in arguments.Prepend(script))
        {
            startInfo.ArgumentList.Add(argument);
        }
        var subscription = new GraphQLWsNodeSubscription(new Process { StartInfo = startInfo });
        subscription._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                var parsed = JsonNode.Parse(line)!.AsObject();
                lock (subscription._history)
                {
                    subscription._history.Add((JsonObject)parsed.DeepClone());
                }
                subscription._lines.Writer.TryWrite(parsed);
            }
        };
        subscription._process.Start();
        subscription._process.BeginOutputReadLine();
        await subscription.NextAsync(line => line["event"]!.GetValue<string>() == "connected", TimeSpan.FromSeconds(30));
        return subscription;
    }

    private static string WebSocketUrl(Uri gatewayUrl) => new UriBuilder(gatewayUrl) { Scheme = "ws", Path = "/graphql" }.Uri.ToString();

    private static string Json(object? variables) => variables is null ? "{}" : System.Text.Json.JsonSerializer.Serialize(variables);

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every line printed so far, read or not, in order (connects and closes included).</summary>
    public IReadOnlyList<JsonObject> History
    {
        get
        {
            lock (_history)
            {
                return [.. _history];
            }
        }
    }

    /// <summary>The next line matching <paramref name="match"/>, skipping others; fails after <paramref name="timeout"/>.</summary>
    public async Task<JsonObject> NextAsync(Func<JsonObject, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var skipped = new Queue<string>();
        try
        {
            while (true)
            {
                var line = await _lines.Reader.ReadAsync(deadline.Token);
                if (match(line))
                {
                    return line;
                }
                skipped.Enqueue(line.ToJsonString());
                if (skipped.Count > 5)
                {
                    skipped.Dequeue();
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException(
                $"graphql-ws client: no matching line within {timeout.TotalSeconds:0.#} s; last lines skipped: {string.Join(" | ", skipped)}");
        }
    }

    /// <summary>The next <c>next</c> payload's data field <paramref name="field"/> for which <paramref name="match"/> holds.</summary>
    public async Task<(JsonNode Data, DateTimeOffset ReceivedAt)> NextDataAsync(string field, Func<JsonNode, bool> match, TimeSpan timeout)
    {
        var line = await NextAsync(l => l["event"]!.GetValue<string>() == "next"
            && l["payload"]?["data"]?[field] is { } data && match(data), timeout);
        return (line["payload"]!["data"]![field]!, DateTimeOffset.FromUnixTimeMilliseconds(line["at"]!.GetValue<long>()));
    }

    /// <summary>Like <see cref="NextDataAsync"/>, but null when nothing matches in time.</summary>
    public async Task<JsonNode?> TryNextDataAsync(string field, Func<JsonNode, bool> match, TimeSpan timeout)
    {
        try
        {
            return (await NextDataAsync(field, match, timeout)).Data;
        }
        catch (TimeoutException)
        {
            return null;
        }
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
