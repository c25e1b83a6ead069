using System.Globalization;
using Chat.AppHost.Hosting;
using Chat.AppHost.Processes;

namespace Chat.AppHost.Resources;

/// <summary>
/// One of our .NET services, run from its build output (the AppHost's build builds them all, like Aspire's)
/// with Aspire-style environment: connection strings, service addresses, OpenTelemetry settings.
/// </summary>
public sealed class ProjectResource(string name, ProjectLocation location, int port, AppHostOptions options)
    : ExecutableResource(name), IResourceWithConnectionString
{
    private static readonly HttpClient HealthClient = new() { Timeout = TimeSpan.FromSeconds(3) };
    // Values are read when the process starts: the Kafka mock's address, say, is known only once it runs.
    private readonly Dictionary<string, Func<string>> _environment = new(StringComparer.Ordinal);

    public override string Type => "Project";

    public string Url => $"http://127.0.0.1:{port}";

    public override IReadOnlyList<string> Endpoints => [Url];

    /// <summary>Services that use this one reach it by URL through <c>ConnectionStrings__&lt;name&gt;</c> too.</summary>
    public string ConnectionString => Url;

    public override bool RestartOnExit => true;

    /// <summary>Services handle SIGTERM as a graceful shutdown; give them time to drain.</summary>
    protected override TimeSpan StopGracePeriod => TimeSpan.FromSeconds(20);

    public void SetEnvironment(string key, string value) => _environment[key] = () => value;

    public void SetEnvironment(string key, Func<string> value) => _environment[key] = value;

    /// <summary>The environment the process gets, as of now.</summary>
    public IReadOnlyDictionary<string, string> ResolveEnvironment() =>
        _environment.ToDictionary(entry => entry.Key, entry => entry.Value());

    protected override ChildProcessSpec CreateProcessSpec()
    {
        var environment = new Dictionary<string, string>(ResolveEnvironment())
        {
            ["ASPNETCORE_URLS"] = Url,
            ["ASPNETCORE_ENVIRONMENT"] = options.ServiceEnvironment,
            ["DOTNET_ENVIRONMENT"] = options.ServiceEnvironment,
            ["OTEL_SERVICE_NAME"] = Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={Name}-{port.ToString(CultureInfo.InvariantCulture)}",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss ",
        };
        return new ChildProcessSpec("dotnet", [location.AssemblyPath], location.ProjectDirectory, environment);
    }

    public override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await HealthClient.GetAsync($"{Url}/health", cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
