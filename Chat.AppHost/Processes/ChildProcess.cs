using System.Diagnostics;

namespace Chat.AppHost.Processes;

/// <summary>
/// A running child: started through <c>setpriv</c> so it receives its stop signal when the AppHost dies
/// (parent-death signal) and, when the AppHost runs as root and a user is named, runs unprivileged.
/// Its output goes line by line to <paramref name="onOutput"/>.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly int _stopSignal;

    private ChildProcess(Process process, int stopSignal)
    {
        _process = process;
        _stopSignal = stopSignal;
        Exited = process.WaitForExitAsync();
    }

    public int ProcessId => _process.Id;

    /// <summary>Completes when the process has exited, for whatever reason.</summary>
    public Task Exited { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static async Task<ChildProcess> StartAsync(ChildProcessSpec spec, Action<string> onOutput)
    {
        var startInfo = new ProcessStartInfo("setpriv")
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in SetprivArguments(spec))
        {
            startInfo.ArgumentList.Add(argument);
        }
        startInfo.ArgumentList.Add(spec.FileName);
        foreach (var argument in spec.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in spec.Environment)
        {
            startInfo.Environment[key] = value;
        }

        var process = await ProcessLauncher.Shared.StartAsync(startInfo, p =>
        {
            p.OutputDataReceived += (_, e) => { if (e.Data is not null) onOutput(e.Data); };
            p.ErrorDataReceived += (_, e) => { if (e.Data is not null) onOutput(e.Data); };
        });
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(process, spec.StopSignal);
    }

    private static IEnumerable<string> SetprivArguments(ChildProcessSpec spec)
    {
        if (spec.RunAsUser is { } user && Signals.RunningAsRoot)
        {
            yield return $"--reuid={user}";
            yield return $"--regid={user}";
            yield return "--init-groups";
            // Lets the unprivileged server traverse a data folder inside root's home (e.g. /root is 0700)
            // without granting it any write access it doesn't already have.
            yield return "--inh-caps=+dac_read_search";
            yield return "--ambient-caps=+dac_read_search";
        }
        yield return $"--pdeathsig={Signals.Name(spec.StopSignal)}";
    }

    /// <summary>Asks the process to stop with its stop signal; kills it if it is still running after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }
        Signals.Send(_process.Id, _stopSignal);
        if (await Task.WhenAny(Exited, Task.Delay(grace)) != Exited)
        {
            _process.Kill(entireProcessTree: true);
            await Exited;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }
}
