using Chat.Bench.Target;

namespace Chat.Bench;

/// <summary>
/// Picks a scenario by name, connects to the running app (or starts one with <c>--start-app</c>) and runs it; each
/// run prints the command line that produced it before its figures.
/// </summary>
public static class BenchmarkRunner
{
    private static readonly Dictionary<string, IBenchmarkScenario> Scenarios = new IBenchmarkScenario[]
    {
        new Scenarios.SendMessageScenario(),
        new Scenarios.OpenLoopScenario(),
        new Scenarios.WebSocketIdleScenario(),
        new Scenarios.IdleCpuScenario(),
    }.ToDictionary(scenario => scenario.Name, StringComparer.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || !Scenarios.TryGetValue(args[0], out var scenario))
        {
            PrintUsage();
            return 2;
        }
        Console.WriteLine($"# dotnet run -c Release --project Chat.Bench -- {string.Join(' ', args)}");
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, @event) =>
        {
            // The first Ctrl+C ends the run cleanly (a launched app is stopped); a second one kills.
            @event.Cancel = !cancel.IsCancellationRequested;
            cancel.Cancel();
        };
        var options = new CommandLine(args[1..]);
        await using var target = await BenchmarkTarget.ConnectAsync(options, cancel.Token);
        target.Describe();
        try
        {
            await scenario.RunAsync(target, options, cancel.Token);
            return 0;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine("cancelled");
            return 130;
        }
    }

    private static void PrintUsage()
    {
        Console.Error.WriteLine("usage: dotnet run -c Release --project Chat.Bench -- <scenario> [options]");
        foreach (var known in Scenarios.Values)
        {
            Console.Error.WriteLine($"  {known.Name,-14} {known.Description}");
        }
        Console.Error.WriteLine($"""

            Every scenario measures an app that runs in its own processes. Start one in another terminal with
              {AppSettings.StartCommand("/tmp/bench-data")}
            (Release builds, limits for one load-generating IP raised), or pass --start-app to have the benchmark
            launch that (free ports, a fresh data folder, its log beside it) and stop it at the end.
            Target options: --gateway URL (default {BenchmarkTarget.DefaultGateway}; 'direct': the gateway process's
            own port, past DCP's proxy), --data-dir DIR (which app, for CPU figures and chat-db), --chat-db CONNSTRING.
            """);
    }
}
