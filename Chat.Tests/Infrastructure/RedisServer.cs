using Chat.AppHost.Hosting;
using Chat.AppHost.Resources;

namespace Chat.Tests.Infrastructure;

/// <summary>
/// A throwaway Redis server for integration tests of one service, started by the AppHost's own Redis resource
/// (same redis-server arguments, password, shutdown) in a temporary data folder.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly DistributedApplication _app;
    private readonly string _dataDirectory;

    private RedisServer(DistributedApplication app, RedisResource server, string dataDirectory)
    {
        _app = app;
        _dataDirectory = dataDirectory;
        ConnectionString = server.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<RedisServer> StartAsync()
    {
        var dataDirectory = TemporaryDirectory.Create("chat-tests-redis");
        var builder = DistributedApplication.CreateBuilder(new AppHostOptions
        {
            DataDirectory = dataDirectory,
            UseWellKnownPorts = false,
            Console = ConsoleMode.Silent,
        });
        var server = (RedisResource)builder.AddRedis("test-redis").Resource;
        var app = builder.Build();
        await app.StartAsync();
        return new RedisServer(app, server, dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        TemporaryDirectory.Delete(_dataDirectory);
    }
}
