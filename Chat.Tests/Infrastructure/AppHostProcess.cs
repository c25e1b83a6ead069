using System.Diagnostics;
using Chat.AppHost.Resources;

namespace Chat.Tests.Infrastructure;

/// <summary>The AppHost run exactly as a user runs it: its own process, printing plain lines.</summary>
public sealed class AppHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];

    private AppHostProcess(Process process) => _process = process;

    public int ProcessId => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output);
            }
        }
    }

    public static async Task<AppHostProcess> StartAsync(string dataDirectory, TimeSpan timeout)
    {
        var location = ProjectLocation.Of("Chat.AppHost");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = location.ProjectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { location.AssemblyPath, "--data-dir", dataDirectory, "--free-ports", "true", "--console", "Plain" })
        {
            startInfo.ArgumentList.Add(argument);
        }
        var host = new AppHostProcess(new Process { StartInfo = startInfo, EnableRaisingEvents = true });
        host._process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        host._process.Start();
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();

        var finished = await Task.WhenAny(host._ready.Task, host._process.WaitForExitAsync(), Task.Delay(timeout));
        if (finished != host._ready.Task)
        {
            await host.DisposeAsync();
            throw new InvalidOperationException($"The AppHost did not become ready within {timeout.TotalSeconds:0} s:{Environment.NewLine}{host.Output}");
        }
        return host;
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Add(line);
        }
        if (line.Contains("All resources are healthy", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }

    public void Signal(int signal) => Chat.AppHost.Processes.Signals.Send(_process.Id, signal);

    public Task WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync().WaitAsync(timeout);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
