using Chat.AppHost;
using Chat.AppHost.Hosting;
using Chat.ServiceDefaults;

namespace Chat.Tests.Infrastructure;

/// <summary>
/// The whole distributed application, started once for the tests that share it through the same
/// declaration Program.cs runs (<see cref="ChatApplication"/>), on free ports with a throwaway data folder.
/// </summary>
public sealed class DistributedAppFixture : IAsyncLifetime
{
    public DistributedApplication App { get; private set; } = null!;

    public string DataDirectory { get; } = TemporaryDirectory.Create("chat-e2e");

    public Uri GatewayUrl => EndpointOf(ResourceNames.Gateway);

    /// <summary>The AppHost's dashboard, which is also the OTLP receiver every service exports to.</summary>
    public Uri DashboardUrl => new(App.Dashboard?.Url ?? throw new InvalidOperationException("The dashboard is disabled."));

    public async ValueTask InitializeAsync()
    {
        var builder = DistributedApplication.CreateBuilder(new AppHostOptions
        {
            DataDirectory = DataDirectory,
            UseWellKnownPorts = false,
            Console = ConsoleMode.Silent,
        });
        App = builder.AddChatApplication().Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await App.StartAsync(timeout.Token);
    }

    public Uri EndpointOf(string resourceName) => new(App[resourceName].Endpoints[0]);

    public string ConnectionStringOf(string resourceName) =>
        ((IResourceWithConnectionString)App[resourceName]).ConnectionString;

    public HttpClient CreateClient(string resourceName) => new() { BaseAddress = EndpointOf(resourceName) };

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        TemporaryDirectory.Delete(DataDirectory);
    }
}
