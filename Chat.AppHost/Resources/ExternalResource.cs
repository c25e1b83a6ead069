using Chat.AppHost.Hosting;

namespace Chat.AppHost.Resources;

/// <summary>
/// A resource someone else runs (bring your own Postgres or Redis): its connection string comes from
/// configuration; the AppHost only checks that it answers and hands the string to the services.
/// </summary>
public sealed class ExternalResource(string name, string type, string connectionString, Func<CancellationToken, Task<bool>> isHealthy)
    : Resource(name), IResourceWithConnectionString
{
    public override string Type => $"{type} (external)";

    public string ConnectionString => connectionString;

    public override IReadOnlyList<string> Endpoints => ["(configured)"];

    public override Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override Task StopAsync() => Task.CompletedTask;

    public override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => isHealthy(cancellationToken);
}
