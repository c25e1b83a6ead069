using Chat.AppHost.Resources;

namespace Chat.AppHost.Hosting;

/// <summary>The Aspire-style verbs that wire resources together.</summary>
public static class ResourceBuilderExtensions
{
    /// <summary>
    /// Gives the project what it needs to reach <paramref name="source"/>: <c>ConnectionStrings__&lt;name&gt;</c>
    /// (plus any client settings the resource asks for) and, for a project, <c>services__&lt;name&gt;__http__0</c>
    /// for service discovery.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithReference(this IResourceBuilder<ProjectResource> builder, IResourceBuilder<Resource> source)
    {
        var project = builder.Resource;
        var target = source.Resource as IResourceWithConnectionString
            ?? throw new InvalidOperationException($"{source.Resource} has no connection string to reference.");
        project.SetEnvironment($"ConnectionStrings__{target.Name}", () => target.ConnectionString);
        foreach (var (key, value) in target.ClientSettings)
        {
            project.SetEnvironment(key, value);
        }
        if (target is ProjectResource service)
        {
            project.SetEnvironment($"services__{service.Name}__http__0", service.Url);
        }
        return builder;
    }

    /// <summary>
    /// References every instance of a service: service discovery gets one address per instance
    /// (<c>services__&lt;name&gt;__http__0</c>, <c>__1</c>...) and balances over them; the resource waits for all.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithReferences(this IResourceBuilder<ProjectResource> builder, IReadOnlyList<IResourceBuilder<ProjectResource>> instances)
    {
        var serviceName = instances[0].Resource.Name;
        for (var index = 0; index < instances.Count; index++)
        {
            builder.Resource.SetEnvironment($"services__{serviceName}__http__{index}", instances[index].Resource.Url);
            builder.WaitFor(instances[index]);
        }
        return builder;
    }

    /// <summary>Starts the resource only once <paramref name="dependency"/> reports healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<Resource> dependency) where T : Resource
    {
        builder.Resource.AddWaitFor(dependency.Resource);
        return builder;
    }

    public static IResourceBuilder<ProjectResource> WithEnvironment(this IResourceBuilder<ProjectResource> builder, string key, string value)
    {
        builder.Resource.SetEnvironment(key, value);
        return builder;
    }
}
