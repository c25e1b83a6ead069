using Chat.AppHost.Dashboard;
using Chat.AppHost.Hosting;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Dashboard;

/// <summary>An AppHost with no resources: just its dashboard and OTLP receiver, with small limits to test them against.</summary>
public sealed class StandaloneDashboard : IAsyncLifetime
{
    public const int MaxSpans = 500;
    public const int MaxRequestBodyBytes = 64 * 1024;

    private readonly string _dataDirectory = TemporaryDirectory.Create("chat-dashboard");

    public DistributedApplication App { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        App = DistributedApplication.CreateBuilder(new AppHostOptions
        {
            DataDirectory = _dataDirectory,
            UseWellKnownPorts = false,
            Console = ConsoleMode.Silent,
            Dashboard = new DashboardOptions { MaxSpans = MaxSpans, MaxRequestBodyBytes = MaxRequestBodyBytes },
        }).Build();
        await App.StartAsync(TestContext.Current.CancellationToken);
        Client = new HttpClient { BaseAddress = new Uri(App.Dashboard!.Url) };
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        TemporaryDirectory.Delete(_dataDirectory);
    }
}
