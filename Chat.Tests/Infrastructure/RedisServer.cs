using Chat.AppHost.Resources.Redis;
using StackExchange.Redis;

namespace Chat.Tests.Infrastructure;

/// <summary>
/// A throwaway Redis server for integration tests of one service: the AppHost's redis-server, with a password and
/// append-only file, in a temporary data folder.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const string Password = "chat-tests";
    private readonly ServerProcess _process;
    private readonly string _dataDirectory;

    private RedisServer(ServerProcess process, string dataDirectory, int port)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        ConnectionString = $"127.0.0.1:{port},password={Password}";
    }

    public string ConnectionString { get; }

    public static async Task<RedisServer> StartAsync()
    {
        var redisServer = NativeRedisBuilderExtensions.FindServer() ?? throw new InvalidOperationException(NativeRedisBuilderExtensions.InstallHint);
        var dataDirectory = TemporaryDirectory.Create("chat-tests-redis");
        var port = ServerProcess.FreePort();
        var process = ServerProcess.Start(redisServer,
            ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", dataDirectory,
             "--appendonly", "yes", "--requirepass", Password, "--daemonize", "no", "--save", ""]);
        var server = new RedisServer(process, dataDirectory, port);
        await Eventually.ReturnsAsync(server.AnswersAsync, answers => answers, TimeSpan.FromSeconds(30), "the test Redis server to answer PING");
        return server;
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            var options = ConfigurationOptions.Parse(ConnectionString);
            options.ConnectTimeout = 1_000;
            options.AbortOnConnectFail = true;
            await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
            await connection.GetDatabase().PingAsync();
            return true;
        }
        catch (RedisException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        TemporaryDirectory.Delete(_dataDirectory);
    }
}
