using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Chat.Bench.Target;

/// <summary>
/// <c>--start-app</c>: the app as a user starts it (<c>dotnet run -c Release --project Chat.AppHost</c>), as a child
/// process in a process group of its own, with free ports and a fresh data folder; its console goes to
/// <c>apphost.log</c> there. Stopping sends SIGTERM to the group, as Ctrl+C would, and the AppHost stops every resource.
/// </summary>
public sealed class AppLauncher : IAsyncDisposable
{
    private const int SigTerm = 15;

    private readonly Process _process;

    private AppLauncher(Process process, string dataDirectory)
    {
        _process = process;
        DataDirectory = dataDirectory;
    }

    public string DataDirectory { get; }

    public static AppLauncher Start(string repository, string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var log = Path.Combine(dataDirectory, "apphost.log");
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
        return new AppLauncher(Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet run."), dataDirectory);
    }

    /// <summary>The AppHost process, once <c>dotnet run</c> has built and started it.</summary>
    public async Task<AppProcesses> WaitForAppHostAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"dotnet run exited with {_process.ExitCode}; see {Path.Combine(DataDirectory, "apphost.log")}.");
            }
            if (LinuxProcess.All().FirstOrDefault(process => process.Name == "Chat.AppHost" && AppProcesses.DataDirectoryOf(process) == DataDirectory) is { } appHost)
            {
                return new AppProcesses(appHost.Pid);
            }
            await Task.Delay(500, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Console.WriteLine("stopping the app...");
            _ = Kill(-_process.Id, SigTerm);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine($"the app (process group {_process.Id}) did not stop within 60 s");
            }
        }
        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
