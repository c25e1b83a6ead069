using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Chat.AppHost.Resources;

namespace Chat.Tests.Infrastructure;

/// <summary>
/// A server binary (postgres, redis-server) run directly for the integration tests of one service: the AppHost's
/// way of running it (same binaries, same unprivileged user) without starting a whole Aspire app, whose DCP
/// teardown alone would take longer than most of those tests. Stopped with <paramref name="stopSignal"/>.
/// </summary>
public sealed class ServerProcess(Process process, int stopSignal) : IAsyncDisposable
{
    public static ServerProcess Start(string binary, IEnumerable<string> arguments, string? runAsUser = null, int stopSignal = 15)
    {
        var (command, prefix) = runAsUser is null ? (binary, []) : ServiceUser.Wrap(binary, runAsUser);
        var startInfo = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var argument in prefix.Concat(arguments))
        {
            startInfo.ArgumentList.Add(argument);
        }
        var started = Process.Start(startInfo) ?? throw new InvalidOperationException($"{binary} did not start");
        // Drain the pipes, or a chatty server blocks on a full one.
        started.OutputDataReceived += (_, _) => { };
        started.ErrorDataReceived += (_, _) => { };
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        return new ServerProcess(started, stopSignal);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            using (var kill = Process.Start("kill", [$"-{stopSignal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
            }
        }
        process.Dispose();
    }
}
