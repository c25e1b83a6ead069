using Chat.AppHost.Hosting;

namespace Chat.AppHost.Dashboard;

/// <summary>A resource as the dashboard's API shows it.</summary>
public sealed record ResourceView(
    string Name,
    string Type,
    ResourceState State,
    string? StateReason,
    ResourceHealth Health,
    IReadOnlyList<string> Endpoints,
    DateTimeOffset? StartedAt,
    int? ProcessId,
    int RestartCount,
    bool CanRestart)
{
    public static ResourceView Of(Resource resource) => new(
        resource.Name,
        resource.Type,
        resource.State,
        resource.StateReason,
        resource.Health,
        resource.Endpoints,
        resource.StartedAt,
        resource.ProcessId,
        resource.RestartCount,
        resource is ExecutableResource && resource.State == ResourceState.Running);
}
