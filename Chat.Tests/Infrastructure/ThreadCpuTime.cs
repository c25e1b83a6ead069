using System.Runtime.InteropServices;

namespace Chat.Tests.Infrastructure;

/// <summary>
/// CPU time the calling thread has used (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): unlike a stopwatch, it does not grow
/// when a loaded machine leaves the thread waiting for a core, so a cost measured with it holds on a busy CI box.
/// </summary>
public static class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    public static TimeSpan Now()
    {
        if (ClockGetTime(ClockThreadCpuTimeId, out var time) != 0)
        {
            throw new InvalidOperationException($"clock_gettime failed: errno {Marshal.GetLastPInvokeError()}");
        }

        return TimeSpan.FromTicks(time.Seconds * TimeSpan.TicksPerSecond + time.Nanoseconds / 100);
    }

    /// <summary>Thread CPU time <paramref name="work"/> takes when it runs synchronously on the calling thread.</summary>
    public static TimeSpan Of(Action work)
    {
        var start = Now();
        work();
        return Now() - start;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static extern int ClockGetTime(int clockId, out TimeSpec time);
}
