using Microsoft.Extensions.Configuration;

namespace Chat.AppHost.Hosting;

/// <summary>Collects the resources of the distributed application before it is built and run.</summary>
public sealed class DistributedApplicationBuilder
{
    private readonly List<Resource> _resources = [];
    private readonly List<string> _missingPrerequisites = [];

    internal DistributedApplicationBuilder(AppHostOptions options, IConfiguration configuration)
    {
        Options = options;
        Configuration = configuration;
        Ports = new PortAllocator(options.UseWellKnownPorts);
        Secrets = new SecretStore(options.DataDirectory);
        if (options.Dashboard.Enabled)
        {
            DashboardPort = Ports.Allocate(options.Dashboard.Port);
        }
    }

    /// <summary>Where the dashboard and its OTLP receiver listen, known before anything starts; null when disabled.</summary>
    public int? DashboardPort { get; }

    public string? DashboardUrl => DashboardPort is { } port ? $"http://127.0.0.1:{port}" : null;

    public AppHostOptions Options { get; }

    /// <summary>The AppHost's configuration: a <c>ConnectionStrings:&lt;name&gt;</c> here replaces a launched resource.</summary>
    public IConfiguration Configuration { get; }

    public PortAllocator Ports { get; }

    public SecretStore Secrets { get; }

    public IReadOnlyList<Resource> Resources => _resources;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : Resource
    {
        if (_resources.Any(existing => existing.Name == resource.Name))
        {
            throw new InvalidOperationException($"A resource named '{resource.Name}' is already declared.");
        }
        _resources.Add(resource);
        return new ResourceBuilder<T>(resource, this);
    }

    /// <summary>Records something the machine lacks (a server binary), with how to install it; nothing starts then.</summary>
    public void AddMissingPrerequisite(string howToInstall)
    {
        if (!_missingPrerequisites.Contains(howToInstall))
        {
            _missingPrerequisites.Add(howToInstall);
        }
    }

    /// <summary>Folder for one resource's state inside the data folder.</summary>
    public string DataPathFor(string kind, string name) => Path.Combine(Options.DataDirectory, kind, name);

    public DistributedApplication Build() => new(Options, [.. _resources], [.. _missingPrerequisites], DashboardPort);
}
