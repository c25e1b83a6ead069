using Chat.Tests.Infrastructure;
using StackExchange.Redis;

[assembly: AssemblyFixture(typeof(Chat.Tests.Notifications.Support.NotificationsRedis))]

namespace Chat.Tests.Notifications.Support;

/// <summary>One real Redis (the AppHost's resource) for all notification tests; each test uses its own user ids.</summary>
public sealed class NotificationsRedis : IAsyncLifetime
{
    private RedisServer _server = null!;

    public string ConnectionString => _server.ConnectionString;

    public ConnectionMultiplexer Connection { get; private set; } = null!;

    /// <summary>A connection of the test's own, e.g. for subscriptions other tests must not disturb.</summary>
    public async Task<ConnectionMultiplexer> ConnectAsync() => await ConnectionMultiplexer.ConnectAsync(ConnectionString);

    public async ValueTask InitializeAsync()
    {
        _server = await RedisServer.StartAsync();
        Connection = await ConnectionMultiplexer.ConnectAsync(_server.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        await _server.DisposeAsync();
    }
}
