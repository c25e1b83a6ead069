using System.Collections.Concurrent;
using System.Diagnostics;

namespace Chat.AppHost.Processes;

/// <summary>
/// Starts every child process from one dedicated, long-lived thread. Children are started through
/// <c>setpriv --pdeathsig</c>, and Linux sends that signal when the <em>thread</em> that forked the child
/// exits, not the process: forking from a thread-pool thread that later retires would kill the child.
/// With one thread alive as long as the AppHost, children die exactly when the AppHost does, even on SIGKILL.
/// </summary>
public sealed class ProcessLauncher : IDisposable
{
    private readonly BlockingCollection<(ProcessStartInfo StartInfo, Action<Process> Prepare, TaskCompletionSource<Process> Started)> _requests = new();
    private readonly Thread _thread;

    public static ProcessLauncher Shared { get; } = new();

    private ProcessLauncher()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "child-process-launcher" };
        _thread.Start();
    }

    /// <summary>Starts the process; <paramref name="prepare"/> runs before start (attach output handlers there).</summary>
    public Task<Process> StartAsync(ProcessStartInfo startInfo, Action<Process> prepare)
    {
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        _requests.Add((startInfo, prepare, started));
        return started.Task;
    }

    private void Run()
    {
        foreach (var (startInfo, prepare, started) in _requests.GetConsumingEnumerable())
        {
            try
            {
                var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
                prepare(process);
                process.Start();
                started.SetResult(process);
            }
            catch (Exception exception)
            {
                started.SetException(exception);
            }
        }
    }

    public void Dispose() => _requests.CompleteAdding();
}
