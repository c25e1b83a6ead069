using Chat.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;

namespace Chat.Tests.Eventing.Infrastructure;

/// <summary>
/// What each event-backbone test class runs against: a Kafka mock cluster and a schema registry of its own, and a
/// fresh database on the shared PostgreSQL server.
/// </summary>
public abstract class EventingTest(EventingPostgres postgres) : IAsyncLifetime
{
    protected KafkaMockCluster Kafka { get; } = new();

    protected RegistryServer Registry { get; private set; } = null!;

    protected string Database { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Registry = RegistryServer.Start();
        Database = await postgres.CreateDatabaseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Registry.DisposeAsync();
        Kafka.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A service host wired like ours (<see cref="EventingTestHost"/>) against this class's infrastructure.</summary>
    protected IHost BuildHost(Action<HostApplicationBuilder> configure, bool autoRegister = true) =>
        EventingTestHost.Build(Kafka.BootstrapServers, Registry.Url, Database, configure, autoRegister);
}
