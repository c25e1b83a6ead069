using System.Diagnostics;
using Chat.Bench.Target;

namespace Chat.Bench.Measurement;

/// <summary>
/// CPU time of every process of the app between two moments, per role, from /proc/&lt;pid&gt;/stat (utime + stime).
/// Processes come and go (Postgres backends): one that exited in between is counted through its parent's reaped
/// children time (cutime + cstime) minus what it had already used at the start, so nothing is lost or counted twice.
/// </summary>
public sealed class CpuMeter
{
    private readonly AppProcesses _app;
    private readonly Dictionary<int, (string Role, long Ticks)> _start;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private readonly TimeSpan _benchStart = Process.GetCurrentProcess().TotalProcessorTime;

    private CpuMeter(AppProcesses app)
    {
        _app = app;
        _start = Read(app);
    }

    public static CpuMeter? Start(AppProcesses? app) => app is null ? null : new CpuMeter(app);

    public CpuUsage Stop()
    {
        var end = Read(_app);
        var byRole = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (role, ticks) in end.Values)
        {
            byRole[role] = byRole.GetValueOrDefault(role) + ticks;
        }
        foreach (var (role, ticks) in _start.Values)
        {
            byRole[role] = byRole.GetValueOrDefault(role) - ticks;
        }
        var milliseconds = byRole.ToDictionary(pair => pair.Key, pair => pair.Value * 1000 / LinuxProcess.TicksPerSecond);
        var bench = (Process.GetCurrentProcess().TotalProcessorTime - _benchStart).TotalMilliseconds;
        return new CpuUsage(milliseconds, Stopwatch.GetElapsedTime(_startedAt), bench);
    }

    private static Dictionary<int, (string, long)> Read(AppProcesses app) =>
        app.Snapshot().ToDictionary(entry => entry.Process.Pid, entry => (entry.Role, entry.Process.CpuTicks + entry.Process.ReapedChildTicks));
}
