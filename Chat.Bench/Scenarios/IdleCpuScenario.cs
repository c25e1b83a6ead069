using System.Globalization;
using Chat.Bench.Measurement;

namespace Chat.Bench.Scenarios;

/// <summary>
/// What the app burns doing nothing: CPU of every one of its processes over <c>--duration</c> seconds (default 30)
/// with no client, as % of one core, after <c>--settle</c> seconds (default 20) of quiet. Polls, health probes, sweepers and telemetry show up here.
/// </summary>
public sealed class IdleCpuScenario : IBenchmarkScenario
{
    public string Name => "idle-cpu";

    public string Description => "the idle app's CPU, % of one core, per process role";

    public async Task RunAsync(BenchmarkTarget target, CommandLine options, CancellationToken cancellationToken)
    {
        var duration = TimeSpan.FromSeconds(options.Seconds("--duration", 30));
        // Right after start-up the services still JIT, migrate and warm caches: that is not idle.
        var settle = TimeSpan.FromSeconds(options.Seconds("--settle", 20));
        Console.WriteLine($"settling for {settle.TotalSeconds:0} s first (--settle)...");
        await Task.Delay(settle, cancellationToken);
        var cpu = CpuMeter.Start(target.App) ?? throw new InvalidOperationException("idle-cpu needs the app's AppHost on this machine (see --data-dir).");
        await Task.Delay(duration, cancellationToken);
        var usage = cpu.Stop();
        var seconds = usage.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"idle for {seconds:0} s; load average {LoadAverage.Now()}; per role (ms per second of idle, % of a core):"));
        usage.Breakdown(seconds, "s").ToList().ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine("| what | % of one core |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| the app (services, Postgres, Redis, AppHost with the Kafka mock) | {usage.PercentOfCore(usage.AppMilliseconds):0.0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| local orchestration (DCP, dashboard) | {usage.PercentOfCore(usage.OrchestrationMilliseconds):0.0} |"));
    }
}
