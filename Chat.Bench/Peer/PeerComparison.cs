using System.Globalization;

namespace Chat.Bench.Peer;

/// <summary>The side-by-side table: ours beside ejabberd for each level or rate, and the ratios.</summary>
public sealed class PeerComparison(string unit)
{
    private readonly List<string> _rows = [];

    /// <summary>One level or rate. Ours: delivered msg/s, messageAdded p50/p99 (ms), the app's CPU ms per message (null when unknown).</summary>
    public void Add(double at, double ourRate, double ourP50, double ourP99, double? ourCpu, PeerResult peer) =>
        _rows.Add(string.Create(CultureInfo.InvariantCulture,
            $"| {at} | {ourRate:0.0} | {peer.PerSecond:0.0} | {ourRate / peer.PerSecond:0.000} | {ourP50:0.0} / {ourP99:0.0} | {peer.P50:0.0} / {peer.P99:0.0} | " +
            $"{(ourCpu is { } cpu ? cpu.ToString("0.00", CultureInfo.InvariantCulture) : "n/a")} | {peer.CpuMsPerMessage:0.00} | " +
            $"{(ourCpu is { } ours ? (ours / Math.Max(peer.CpuMsPerMessage, 0.001)).ToString("0.0", CultureInfo.InvariantCulture) : "n/a")} | {peer.Missing} |"));

    public void Print()
    {
        if (_rows.Count == 0)
        {
            return;
        }
        Console.WriteLine();
        Console.WriteLine("side by side with ejabberd (archive on PostgreSQL), same schedule; ejabberd CPU: beam.smp + its PostgreSQL; latency in ms");
        Console.WriteLine($"| {unit} | ours msg/s | ejabberd msg/s | ours / ejabberd | ours p50 / p99 | ejabberd p50 / p99 | ours CPU ms/msg | ejabberd CPU ms/msg | CPU ours / ejabberd | ejabberd missing |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        _rows.ForEach(Console.WriteLine);
    }
}
