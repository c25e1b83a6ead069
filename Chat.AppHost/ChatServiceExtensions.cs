using Chat.AppHost.Resources;
using Chat.AppHost.Resources.Restarts;
using Microsoft.Extensions.Configuration;

namespace Chat.AppHost;

/// <summary>
/// How our .NET services are declared: an HTTP endpoint on the original's port when free, restart on crash, console
/// logs on one line, and the variations tests and load runs ask for through AppHost configuration:
/// <c>Chat:Services:&lt;name&gt;:Instances</c> (extra instances are "&lt;name&gt;-2"...) and
/// <c>Chat:Services:&lt;name&gt;:Environment:&lt;VARIABLE&gt;</c>.
/// </summary>
public static class ChatServiceExtensions
{
    private const string MetricExportIntervalMs = "5000";

    public static IResourceBuilder<ProjectResource> AddChatProject<TProject>(this IDistributedApplicationBuilder builder, string name, int wellKnownPort, string? serviceName = null)
        where TProject : IProjectMetadata, new()
    {
        var project = builder.AddProject<TProject>(name)
            .WithHttpEndpoint(port: WellKnownPorts.IfFree(builder.Configuration, wellKnownPort), name: "http")
            // Without a launch profile Aspire sets no environment name; services run in the AppHost's (Development locally).
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithEnvironment("DOTNET_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithEnvironment("Logging__Console__FormatterName", "simple")
            .WithEnvironment("Logging__Console__FormatterOptions__SingleLine", "true")
            .WithEnvironment("Logging__Console__FormatterOptions__TimestampFormat", "HH:mm:ss ")
            // Aspire asks for metrics every second; collecting and exporting them was most of an idle service's
            // and the dashboard's CPU. Every five seconds still keeps the dashboard's charts live.
            .WithEnvironment("OTEL_METRIC_EXPORT_INTERVAL", MetricExportIntervalMs)
            .WithHttpHealthCheck("/health")
            .WithRestartOnCrash();
        foreach (var setting in builder.Configuration.GetSection($"Chat:Services:{serviceName ?? name}:Environment").GetChildren())
        {
            project.WithEnvironment(setting.Key, setting.Value ?? "");
        }
        return project;
    }

    /// <summary>Every instance of a service ("presence", "presence-2"...), each wired by <paramref name="wire"/>.</summary>
    public static IReadOnlyList<IResourceBuilder<ProjectResource>> AddChatService<TProject>(
        this IDistributedApplicationBuilder builder, string name, int wellKnownPort, Func<IResourceBuilder<ProjectResource>, IResourceBuilder<ProjectResource>> wire)
        where TProject : IProjectMetadata, new()
    {
        var instances = builder.Configuration.GetValue($"Chat:Services:{name}:Instances", 1);
        return [.. Enumerable.Range(1, instances).Select(number => number == 1
            ? wire(builder.AddChatProject<TProject>(name, wellKnownPort))
            : wire(builder.AddChatProject<TProject>($"{name}-{number}", wellKnownPort + 10 * (number - 1), serviceName: name)))];
    }

    /// <summary>
    /// References every instance of a service under the service's name: service discovery gets one address per
    /// instance (<c>services__presence__http__0</c>, <c>__1</c>...) and balances over them; waits for all of them.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithReference(this IResourceBuilder<ProjectResource> project, IReadOnlyList<IResourceBuilder<ProjectResource>> instances)
    {
        var serviceName = instances[0].Resource.Name;
        for (var index = 0; index < instances.Count; index++)
        {
            project.WithEnvironment($"services__{serviceName}__http__{index}", instances[index].GetEndpoint("http")).WaitFor(instances[index]);
        }
        return project.WithReferenceRelationship(instances[0]);
    }

    /// <summary>The schema registry's URL, as the services read it: <c>ConnectionStrings:schema-registry</c>.</summary>
    public static IResourceBuilder<ProjectResource> WithSchemaRegistry(this IResourceBuilder<ProjectResource> project, IResourceBuilder<ProjectResource> registry) => project
        .WithEnvironment($"ConnectionStrings__{registry.Resource.Name}", registry.GetEndpoint("http"))
        .WithReferenceRelationship(registry)
        .WaitFor(registry);
}
