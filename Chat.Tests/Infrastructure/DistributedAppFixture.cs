using Chat.AppHost;
using Chat.AppHost.Hosting;
using Chat.ServiceDefaults;

namespace Chat.Tests.Infrastructure;

/// <summary>
/// The whole distributed application, started once for the tests that share it through the same
/// declaration Program.cs runs (<see cref="ChatApplication"/>), on free ports with a throwaway data folder.
/// </summary>
public class DistributedAppFixture : IAsyncLifetime
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
        App = builder.AddChatApplication(ApplicationOptions()).Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await App.StartAsync(timeout.Token);
    }

    /// <summary>
    /// Two gateways and two presence instances, so cross-instance behaviour (fan-out, exactly-once sweeps) is
    /// tested on the same app as everything else; settings that make timed behaviour testable in seconds.
    /// </summary>
    protected virtual ChatApplicationOptions ApplicationOptions()
    {
        var options = new ChatApplicationOptions();
        options.Instances[ResourceNames.Gateway] = 2;
        options.Instances[ResourceNames.Presence] = 2;
        options.ServiceSettings[ResourceNames.Gateway] = new()
        {
            // Every test client shares 127.0.0.1; per-IP limits have their own tests.
            ["RateLimiting__PermitsPerIp"] = "100000",
            ["RateLimiting__PermitsPerUser"] = "100000",
            // Serves /diagnostics/downstream-calls, so tests can prove batching (no N+1 calls to services).
            ["Diagnostics__CountDownstreamCalls"] = "true",
            // WebSocket tests: a missing connection_init and a slow reader are detected within seconds.
            ["WebSockets__ConnectionInitTimeout"] = "00:00:03",
            ["WebSockets__SendQueueCapacity"] = "64",
            // A slow test client resumes reading only after its flood was published, which on a loaded machine
            // may take longer than the default 5 s the gateway waits before aborting instead of closing.
            ["WebSockets__CloseTimeout"] = "00:00:30",
        };
        options.ServiceSettings[ResourceNames.Auth] = new()
        {
            // Logins all arrive from the gateways' address.
            ["Auth__LoginRateLimit__PerIpPermitLimit"] = "100000",
        };
        options.ServiceSettings[ResourceNames.Presence] = new()
        {
            // Presence transitions in seconds instead of minutes; parked transitions retried soon.
            ["Presence__AwayAfter"] = "00:00:03",
            ["Presence__OfflineAfter"] = "00:00:08",
            ["Presence__SweepInterval"] = "00:00:00.250",
            ["Presence__KeyTtl"] = "00:00:30",
            ["Presence__PendingRetryAfter"] = "00:00:02",
        };
        // The test machine is shared and often saturated: a service's cold first calls (JIT, EF Core query
        // compilation) can take longer than the production budget of 2 s. One budget for the gateway and every
        // service, as in production (services derive their waits from it). Timeouts have their own tests.
        foreach (var service in new[] { ResourceNames.Gateway, ResourceNames.Auth, ResourceNames.Messaging, ResourceNames.Presence, ResourceNames.Notifications })
        {
            var settings = options.ServiceSettings.TryGetValue(service, out var existing) ? existing : options.ServiceSettings[service] = [];
            settings["CallBudget__AttemptTimeout"] = "00:00:10";
            settings["CallBudget__TotalTimeout"] = "00:00:12";
        }
        return options;
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
