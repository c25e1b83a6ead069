namespace Chat.Bench;

/// <summary>Picks a scenario by name and runs it; each prints its figures with the command that produced them.</summary>
public static class BenchmarkRunner
{
    private static readonly Dictionary<string, IBenchmarkScenario> Scenarios = new IBenchmarkScenario[]
    {
        new Scenarios.SendMessageScenario(),
        new WebSocketIdleScenario(),
        new Scenarios.DeliveryLatencyScenario(),
    }.ToDictionary(scenario => scenario.Name, StringComparer.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || !Scenarios.TryGetValue(args[0], out var scenario))
        {
            Console.Error.WriteLine("usage: dotnet run -c Release --project Chat.Bench -- <scenario> [options]");
            foreach (var known in Scenarios.Values)
            {
                Console.Error.WriteLine($"  {known.Name,-20} {known.Description}");
            }
            return 2;
        }
        Console.WriteLine($"# dotnet run -c Release --project Chat.Bench -- {string.Join(' ', args)}");
        await scenario.RunAsync(args[1..]);
        return 0;
    }
}
