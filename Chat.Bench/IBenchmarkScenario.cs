namespace Chat.Bench;

public interface IBenchmarkScenario
{
    string Name { get; }

    string Description { get; }

    Task RunAsync(BenchmarkTarget target, CommandLine options, CancellationToken cancellationToken);
}
