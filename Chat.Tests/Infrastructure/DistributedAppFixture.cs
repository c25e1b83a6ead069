using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Chat.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Tests.Infrastructure;

/// <summary>
/// The whole distributed application, declared by Chat.AppHost's Program.cs and run under Aspire's DCP through
/// Aspire.Hosting.Testing, on free ports with a throwaway data folder. Starting takes seconds but disposing about
/// 13 s (DCP's teardown), so one instance is shared by every test class of <see cref="DistributedAppCollection"/>.
/// </summary>
public class DistributedAppFixture : IAsyncLifetime
{
    // Seconds on an idle machine; minutes when the 2 cores are shared with other test runs.
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(8);
    private readonly Dictionary<string, string> _connectionStrings = new(StringComparer.Ordinal);

    public DistributedApplication App { get; private set; } = null!;

    public string DataDirectory { get; } = TemporaryDirectory.Create("chat-e2e");

    public Uri GatewayUrl => EndpointOf(ResourceNames.Gateway);

    /// <summary>How long it took from creating the AppHost to every resource healthy.</summary>
    public TimeSpan StartupTime { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(StartupTimeout);
        string[] arguments = ["--Chat:FreePorts=true", $"--Chat:DataDirectory={DataDirectory}", .. ApplicationOptions().ToArguments()];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Chat_AppHost>(arguments, timeout.Token);
        App = await builder.BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);
        var model = App.Services.GetRequiredService<DistributedApplicationModel>();
        await Task.WhenAll(model.Resources
            // Aspire adds a "<project>-rebuilder" per project that only starts on the Rebuild command: not part of the app.
            .Where(resource => !resource.HasAnnotationOfType<ExplicitStartupAnnotation>())
            .Where(resource => resource is ProjectResource or ExecutableResource || resource.HasAnnotationOfType<HealthCheckAnnotation>())
            .Select(resource => App.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, timeout.Token)));
        foreach (var resource in model.Resources.OfType<IResourceWithConnectionString>())
        {
            _connectionStrings[resource.Name] = await resource.GetConnectionStringAsync(timeout.Token) ?? "";
        }
        StartupTime = stopwatch.Elapsed;
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
            // Resume tests exceed the replay budget with a few dozen messages instead of a thousand.
            ["Resume__ReplayBudget"] = "30",
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

    public Uri EndpointOf(string resourceName) => App.GetEndpoint(resourceName, "http");

    /// <summary>A resource's connection string; for a service (the schema registry, say), its URL, as services get it.</summary>
    public string ConnectionStringOf(string resourceName) => _connectionStrings.TryGetValue(resourceName, out var connectionString)
        ? connectionString
        : EndpointOf(resourceName).ToString().TrimEnd('/');

    public HttpClient CreateClient(string resourceName) => new() { BaseAddress = EndpointOf(resourceName) };

    /// <summary>
    /// The service's own process: DCP runs a project as <c>dotnet run</c>, whose child is the service itself.
    /// </summary>
    public int ServiceProcessIdOf(string resourceName)
    {
        if (!App.ResourceNotifications.TryGetCurrentState(resourceName, out var state)
            || state.Snapshot.Properties.FirstOrDefault(property => property.Name == "executable.pid")?.Value is not { } value)
        {
            throw new InvalidOperationException($"{resourceName} has no process.");
        }
        var launcher = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        return ProcessTree.DescendantsOf(launcher).DefaultIfEmpty(launcher).First();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        TemporaryDirectory.Delete(DataDirectory);
    }
}
