namespace Chat.Bench.Measurement;

/// <summary>The machine's 1/5/15-minute load average, printed with figures so a loaded machine's run is recognisable.</summary>
public static class LoadAverage
{
    public static string Now() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
