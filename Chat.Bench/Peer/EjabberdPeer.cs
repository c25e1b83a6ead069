using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Chat.Bench.Peer;

/// <summary>
/// <c>--peer ejabberd</c>: the same load, right after ours, against ejabberd on this machine (started by
/// <c>Chat.Bench/Peer/start-ejabberd.sh</c>, its archive on PostgreSQL), driven by <c>xmpp-load.mjs</c> (@xmpp/client)
/// in its own Node process, so each level or rate prints ours / ejabberd.
/// </summary>
public sealed class EjabberdPeer
{
    private readonly string _driver;

    private EjabberdPeer(string driver) => _driver = driver;

    /// <summary>The peer when <c>--peer ejabberd</c> is given, else null.</summary>
    public static EjabberdPeer? From(CommandLine options)
    {
        if (options.Value("--peer") is not { } peer)
        {
            return null;
        }
        if (peer != "ejabberd")
        {
            throw new InvalidOperationException($"Unknown peer '{peer}': the one peer is ejabberd.");
        }
        var directory = Path.Combine(BenchmarkTarget.RepositoryRoot(), "Chat.Bench", "Peer");
        return Directory.Exists(Path.Combine(directory, "node_modules", "@xmpp"))
            ? new EjabberdPeer(Path.Combine(directory, "xmpp-load.mjs"))
            : throw new InvalidOperationException("The ejabberd peer is not set up: run Chat.Bench/Peer/start-ejabberd.sh first.");
    }

    public Task<PeerResult> ClosedLoopAsync(int senders, TimeSpan duration, TimeSpan warmUpLimit, CancellationToken cancellationToken) =>
        RunAsync(cancellationToken, "--mode", "closed", "--senders", Number(senders), "--duration", Number(duration.TotalSeconds), "--warmup-max", Number(warmUpLimit.TotalSeconds));

    public Task<PeerResult> OpenLoopAsync(double rate, int pairs, TimeSpan duration, CancellationToken cancellationToken) =>
        RunAsync(cancellationToken, "--mode", "open", "--rate", Number(rate), "--pairs", Number(pairs), "--duration", Number(duration.TotalSeconds));

    private async Task<PeerResult> RunAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["--no-warnings", _driver, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        using var node = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var output = node.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = node.StandardError.ReadToEndAsync(cancellationToken);
        await node.WaitForExitAsync(cancellationToken);
        var result = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(line => line.StartsWith('{'));
        return result is not null && node.ExitCode == 0
            ? JsonSerializer.Deserialize<PeerResult>(result, new JsonSerializerOptions(JsonSerializerDefaults.Web))!
            : throw new InvalidOperationException($"xmpp-load.mjs failed ({node.ExitCode}): {(await errors).Trim().Split('\n').FirstOrDefault()}");
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
