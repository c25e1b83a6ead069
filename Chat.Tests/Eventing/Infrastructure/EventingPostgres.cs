using Chat.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(Chat.Tests.Eventing.Infrastructure.EventingPostgres))]

namespace Chat.Tests.Eventing.Infrastructure;

/// <summary>One throwaway Postgres (the AppHost's own resource) for all eventing tests; each test gets its own database.</summary>
public sealed class EventingPostgres : IAsyncLifetime
{
    private PostgresServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await PostgresServer.StartAsync();

    /// <summary>A new, empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "eventing_" + Guid.NewGuid().ToString("N")[..12];
        await _server.CreateDatabaseAsync(name);
        return _server.ConnectionString(name);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
