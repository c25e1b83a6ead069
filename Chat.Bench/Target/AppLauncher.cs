using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Chat.Bench.Target;

/// <summary>
/// <c>--start-app</c>: the app as a user starts it (<c>dotnet run -c Release --project Chat.AppHost</c>), as a child
/// process in a process group of its own, with free ports and a fresh data folder (deleted afterwards unless
/// <c>--keep-data</c>); its console goes to <c>&lt;data folder&gt;.log</c>. Stopping sends SIGTERM to the group, as Ctrl+C
/// would, and the AppHost stops every resource.
/// </summary>
public sealed class AppLauncher : IAsyncDisposable
{
    private const int SigTerm = 15;

    private readonly Process _process;
    private AppProcesses? _app;

    private readonly bool _keepData;

    private AppLauncher(Process process, string dataDirectory, bool keepData)
    {
        _process = process;
        _keepData = keepData;
        DataDirectory = dataDirectory;
    }

    public string DataDirectory { get; }

    private string LogPath => DataDirectory + ".log";

    public static AppLauncher Start(string repository, string dataDirectory, bool keepData)
    {
        Directory.CreateDirectory(dataDirectory);
        var log = dataDirectory + ".log";
        // setsid makes the child the leader of a new process group, so one signal reaches dotnet run and the AppHost.
        var start = new ProcessStartInfo("setsid") { WorkingDirectory = repository, UseShellExecute = false };
        foreach (var argument in (string[])["sh", "-c", "exec \"$0\" \"$@\" >>\"$LOG\" 2>&1", "dotnet", "run", "-c", "Release",
                     "--project", "Chat.AppHost", "--launch-profile", "http", "--",
                     "--Chat:FreePorts=true", $"--Chat:DataDirectory={dataDirectory}", .. AppSettings.Arguments])
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["LOG"] = log;
        Console.WriteLine($"starting the app (log: {log})...");
        return new AppLauncher(Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet run."), dataDirectory, keepData);
    }

    /// <summary>The AppHost process, once <c>dotnet run</c> has built and started it.</summary>
    public async Task<AppProcesses> WaitForAppHostAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"dotnet run exited with {_process.ExitCode}; see {LogPath}.");
            }
            if (LinuxProcess.All().FirstOrDefault(process => process.Name == "Chat.AppHost" && AppProcesses.DataDirectoryOf(process) == DataDirectory) is { } appHost)
            {
                return _app = new AppProcesses(appHost.Pid);
            }
            await Task.Delay(500, cancellationToken);
        }
    }

    /// <summary>
    /// Stops the app and waits until every one of its processes is gone: DCP's controller outlives the AppHost by
    /// some seconds while it stops the resources, and nothing of the run may linger into the next one.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        var pids = _app?.Snapshot().Select(entry => entry.Process.Pid).ToList() ?? [];
        if (!_process.HasExited)
        {
            Console.WriteLine("stopping the app...");
            _ = Kill(-_process.Id, SigTerm);
        }
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while ((!_process.HasExited || pids.Any(pid => LinuxProcess.Read(pid) is not null)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
        }
        var left = pids.Where(pid => LinuxProcess.Read(pid) is not null).ToList();
        Console.WriteLine(left.Count == 0 && _process.HasExited
            ? "the app stopped"
            : $"the app did not stop within 90 s: process group {_process.Id}, processes {string.Join(' ', left)}");
        _process.Dispose();
        if (!_keepData && left.Count == 0)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
