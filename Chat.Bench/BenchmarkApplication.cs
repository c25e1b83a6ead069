using Chat.AppHost;
using Chat.AppHost.Hosting;

namespace Chat.Bench;

/// <summary>The whole distributed app for a benchmark run: the AppHost's declaration, free ports, a fresh data folder.</summary>
public sealed class BenchmarkApplication : IAsyncDisposable
{
    private readonly string _dataDirectory;

    private BenchmarkApplication(DistributedApplication app, string dataDirectory)
    {
        App = app;
        _dataDirectory = dataDirectory;
    }

    public DistributedApplication App { get; }

    public static async Task<BenchmarkApplication> StartAsync(ChatApplicationOptions? options = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"chat-bench-{Guid.NewGuid():N}");
        var builder = DistributedApplication.CreateBuilder(new AppHostOptions
        {
            DataDirectory = dataDirectory,
            UseWellKnownPorts = false,
            Console = ConsoleMode.Silent,
            // Room for every span of a measured rate, so trace digests (delivery-latency) see all of its messages.
            Dashboard = new() { MaxSpans = 200_000 },
        });
        var app = builder.AddChatApplication(options).Build();
        await app.StartAsync();
        return new BenchmarkApplication(app, dataDirectory);
    }

    public Uri EndpointOf(string resource) => new(App[resource].Endpoints[0]);

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
