using Chat.AppHost.Hosting;
using Chat.AppHost.Processes;
using StackExchange.Redis;

namespace Chat.AppHost.Resources;

/// <summary>A redis-server process with append-only-file persistence, so presence and caches survive a restart.</summary>
public sealed class RedisResource(string name, int port, string dataDirectory, string password, string redisServer)
    : ExecutableResource(name), IResourceWithConnectionString
{
    public const string InstallHint = "redis-server not found: install it with `sudo apt-get install -y redis-server`.";

    public override string Type => "Redis";

    public int Port => port;

    public override IReadOnlyList<string> Endpoints => [$"tcp://127.0.0.1:{port}"];

    public string ConnectionString => $"127.0.0.1:{port},password={password}";

    protected override Task PrepareAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        return Task.CompletedTask;
    }

    protected override ChildProcessSpec CreateProcessSpec() => new(
        redisServer,
        [
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--dir", dataDirectory,
            "--appendonly", "yes",
            "--appendfsync", "everysec",
            "--requirepass", password,
            "--daemonize", "no",
            "--save", "",
        ],
        dataDirectory,
        new Dictionary<string, string>());

    public override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            var options = ConfigurationOptions.Parse(ConnectionString);
            options.ConnectTimeout = 2_000;
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

    public static string? FindServer() =>
        new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(folder => Path.Combine(folder, "redis-server")))
            .FirstOrDefault(File.Exists);
}
