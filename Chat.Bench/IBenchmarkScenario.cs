namespace Chat.Bench;

public interface IBenchmarkScenario
{
    string Name { get; }

    string Description { get; }

    Task RunAsync(string[] options);
}
