using Chat.AppHost.Resources;

namespace Chat.AppHost.Hosting;

public static class ProjectExtensions
{
    /// <summary>
    /// Declares one of our services by its project folder; it listens on <paramref name="wellKnownPort"/> when
    /// that is free and the AppHost uses well-known ports, otherwise on a free port. Its telemetry goes to the
    /// dashboard's OTLP receiver, as under Aspire.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddProject(this DistributedApplicationBuilder builder, string name, string projectName, int? wellKnownPort = null)
    {
        var project = builder.AddResource(new ProjectResource(name, ProjectLocation.Of(projectName), builder.Ports.Allocate(wellKnownPort), builder.Options));
        return builder.DashboardUrl is { } dashboard ? project.WithOtlpExporter(dashboard) : project;
    }

    /// <summary>
    /// OTLP/HTTP protobuf to <paramref name="endpoint"/> (the exporter appends <c>/v1/traces</c>...), with short
    /// export intervals as Aspire uses for local runs so a request shows up on the dashboard within a second.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithOtlpExporter(this IResourceBuilder<ProjectResource> builder, string endpoint) => builder
        .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint)
        .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
        .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "500")
        .WithEnvironment("OTEL_BLRP_SCHEDULE_DELAY", "500")
        // Small batches stay well under the receiver's body limit even with long SQL texts, and a deeper queue
        // rides out a busy second instead of dropping spans.
        .WithEnvironment("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "128")
        .WithEnvironment("OTEL_BSP_MAX_QUEUE_SIZE", "8192")
        .WithEnvironment("OTEL_BLRP_MAX_EXPORT_BATCH_SIZE", "128")
        .WithEnvironment("OTEL_BLRP_MAX_QUEUE_SIZE", "8192")
        .WithEnvironment("OTEL_METRIC_EXPORT_INTERVAL", "5000");
}
