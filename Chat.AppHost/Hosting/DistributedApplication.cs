using System.ComponentModel.DataAnnotations;
using System.Runtime.InteropServices;
using Chat.AppHost.Dashboard;
using Chat.AppHost.Terminal;
using Microsoft.Extensions.Configuration;

namespace Chat.AppHost.Hosting;

/// <summary>
/// The running distributed application: starts every resource in dependency order, gated on health,
/// and stops them in reverse order. Used by <c>Program.cs</c> and, unchanged, by the end-to-end tests.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly AppHostOptions _options;
    private readonly IReadOnlyList<string> _missingPrerequisites;
    private readonly Orchestrator _orchestrator;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<Resource, Task> _supervisors = [];
    private Task? _stopped;

    internal DistributedApplication(AppHostOptions options, IReadOnlyList<Resource> resources, IReadOnlyList<string> missingPrerequisites, int? dashboardPort)
    {
        _options = options;
        Resources = resources;
        _missingPrerequisites = missingPrerequisites;
        _orchestrator = new Orchestrator(options);
        Dashboard = dashboardPort is { } port ? new DashboardServer(this, options.Dashboard, port) : null;
    }

    public IReadOnlyList<Resource> Resources { get; }

    /// <summary>The dashboard and OTLP receiver; null when <c>Dashboard:Enabled</c> is false.</summary>
    public DashboardServer? Dashboard { get; }

    public AppHostOptions Options => _options;

    public Resource this[string name] => Resources.FirstOrDefault(r => r.Name == name)
        ?? throw new KeyNotFoundException($"No resource named '{name}'.");

    /// <summary>Command line: <c>--data-dir PATH</c>, <c>--free-ports</c>, <c>--console Plain|Silent</c>; or the <c>AppHost:*</c> and <c>Dashboard:*</c> settings.</summary>
    public static DistributedApplicationBuilder CreateBuilder(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(WithFlagValues(args), new Dictionary<string, string>
            {
                ["--data-dir"] = "AppHost:DataDirectory",
                ["--free-ports"] = "AppHost:FreePorts",
                ["--console"] = "AppHost:Console",
            })
            .Build();
        var options = new AppHostOptions();
        options.DataDirectory = configuration["AppHost:DataDirectory"] ?? options.DataDirectory;
        options.UseWellKnownPorts = !configuration.GetValue("AppHost:FreePorts", false);
        options.Console = configuration.GetValue("AppHost:Console", ConsoleMode.Auto);
        configuration.GetSection(DashboardOptions.SectionName).Bind(options.Dashboard);
        Validator.ValidateObject(options.Dashboard, new ValidationContext(options.Dashboard), validateAllProperties: true);
        return CreateBuilder(options, configuration);
    }

    /// <summary>Lets <c>--free-ports</c> stand alone: configuration switches otherwise need a value.</summary>
    private static string[] WithFlagValues(string[] args) =>
        [.. args.SelectMany((arg, index) => arg == "--free-ports" && (index + 1 == args.Length || args[index + 1].StartsWith("--", StringComparison.Ordinal))
            ? new[] { arg, "true" }
            : [arg])];

    public static DistributedApplicationBuilder CreateBuilder(AppHostOptions options, IConfiguration? configuration = null)
    {
        Directory.CreateDirectory(options.DataDirectory);
        return new DistributedApplicationBuilder(options, configuration ?? new ConfigurationBuilder().Build());
    }

    /// <summary>Starts everything and returns once every resource is healthy; throws if any failed to start.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_missingPrerequisites.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, _missingPrerequisites));
        }
        // Before any resource, so their telemetry has somewhere to land from their first second.
        if (Dashboard is not null)
        {
            await Dashboard.StartAsync(cancellationToken);
        }
        foreach (var resource in Resources)
        {
            _supervisors[resource] = Task.Run(() => _orchestrator.SuperviseAsync(resource, _stopping.Token), CancellationToken.None);
        }
        var outcomes = await Task.WhenAll(Resources.Select(async resource =>
        {
            try
            {
                await resource.FirstHealthy.WaitAsync(cancellationToken);
                return null;
            }
            catch (ResourceFailedException failure)
            {
                return failure;
            }
        }));
        var failures = outcomes.OfType<ResourceFailedException>().ToList();
        if (failures.Count > 0)
        {
            throw new AggregateException("Some resources failed to start.", failures);
        }
    }

    /// <summary>Runs until Ctrl+C or SIGTERM, showing the resources; returns the process exit code.</summary>
    public async Task<int> RunAsync()
    {
        var console = ResourceConsole.Create(_options.Console, this);
        if (_missingPrerequisites.Count > 0)
        {
            console.ReportMissingPrerequisites(_missingPrerequisites);
            return 1;
        }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnStopSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnStopSignal);

        var display = console.RunAsync(_stopping.Token);
        try
        {
            await StartAsync(_stopping.Token);
            console.ReportStarted();
        }
        catch (AggregateException failures)
        {
            console.ReportFailures(failures.InnerExceptions.OfType<ResourceFailedException>());
        }
        catch (OperationCanceledException)
        {
        }
        await _stopping.Token.WhenCancelled();
        await StopAsync();
        await display;
        return 0;
    }

    /// <summary>
    /// Stops a running process resource and has the orchestrator start it again right away. A requested restart is
    /// not a crash: <see cref="Resource.RestartCount"/> (crash restarts) stays as it is. Returns once the old process
    /// has stopped and the new start has begun; its health is then reported as usual.
    /// </summary>
    public async Task RestartAsync(string name, CancellationToken cancellationToken = default)
    {
        var resource = this[name];
        if (resource is not ExecutableResource || resource.State is not ResourceState.Running)
        {
            throw new InvalidOperationException($"{resource} is {resource.State}; only a running process the AppHost started can be restarted.");
        }
        var restarting = resource.RequestRestart();
        resource.Log.Add($"[apphost] {resource.Name} restart requested");
        resource.SetState(ResourceState.Stopping, "restart requested");
        await resource.StopAsync();
        await restarting.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Stops a running process resource and keeps it stopped until <see cref="StartResourceAsync"/> (an outage on
    /// purpose, e.g. Redis in a recovery test); the orchestrator doesn't take the exit for a crash.
    /// </summary>
    public async Task StopResourceAsync(string name, CancellationToken cancellationToken = default)
    {
        this[name].HoldStopped();
        await RestartAsync(name, cancellationToken);
    }

    /// <summary>Starts a resource stopped by <see cref="StopResourceAsync"/> and returns once it is healthy again.</summary>
    public async Task StartResourceAsync(string name, CancellationToken cancellationToken = default)
    {
        var resource = this[name];
        resource.ReleaseHold();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.StartupTimeout);
        while (!(resource.State == ResourceState.Running && resource.Health == ResourceHealth.Healthy))
        {
            await Task.Delay(100, timeout.Token);
        }
    }

    private void OnStopSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        _stopping.Cancel();
    }

    /// <summary>Stops every resource after the resources that wait for it; safe to call more than once.</summary>
    public Task StopAsync() => _stopped ??= StopAllAsync();

    private async Task StopAllAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_supervisors.Values).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var stops = new Dictionary<Resource, Task>();
        Task StopAfterDependents(Resource resource)
        {
            if (!stops.TryGetValue(resource, out var stop))
            {
                var dependents = Resources.Where(other => other.WaitsFor.Contains(resource)).Select(StopAfterDependents).ToList();
                stop = StopOneAsync(resource, dependents);
                stops[resource] = stop;
            }
            return stop;
        }
        await Task.WhenAll(Resources.Select(StopAfterDependents));
        // Last, so what the services export while shutting down still arrives.
        if (Dashboard is not null)
        {
            await Dashboard.DisposeAsync();
        }
    }

    private static async Task StopOneAsync(Resource resource, IReadOnlyList<Task> dependentsStopped)
    {
        await Task.WhenAll(dependentsStopped);
        if (resource.State is ResourceState.NotStarted)
        {
            return;
        }
        resource.SetState(ResourceState.Stopping);
        await resource.StopAsync();
        resource.SetState(ResourceState.Stopped);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
    }
}
