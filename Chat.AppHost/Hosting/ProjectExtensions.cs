using Chat.AppHost.Resources;

namespace Chat.AppHost.Hosting;

public static class ProjectExtensions
{
    /// <summary>
    /// Declares one of our services by its project folder; it listens on <paramref name="wellKnownPort"/> when
    /// that is free and the AppHost uses well-known ports, otherwise on a free port.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddProject(this DistributedApplicationBuilder builder, string name, string projectName, int? wellKnownPort = null) =>
        builder.AddResource(new ProjectResource(name, ProjectLocation.Of(projectName), builder.Ports.Allocate(wellKnownPort), builder.Options));
}
