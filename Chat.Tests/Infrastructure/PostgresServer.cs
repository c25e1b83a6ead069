using Chat.AppHost.Resources;
using Chat.AppHost.Resources.Postgres;
using Npgsql;

namespace Chat.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server for integration tests of one service, made as the AppHost makes its servers
/// (same binaries, initdb, unprivileged user) in a temporary data folder.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string Password = "chat-tests";
    private readonly ServerProcess _process;
    private readonly string _dataDirectory;
    private readonly int _port;

    private PostgresServer(ServerProcess process, string dataDirectory, int port)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        _port = port;
    }

    public static async Task<PostgresServer> StartAsync()
    {
        var binaries = PostgresBinaries.Find() ?? throw new InvalidOperationException(PostgresBinaries.InstallHint);
        var root = TemporaryDirectory.Create("chat-tests-pg");
        var dataDirectory = Path.Combine(root, "data");
        await PostgresInitDb.EnsureAsync(binaries, dataDirectory, Password, _ => { }, CancellationToken.None);
        var port = ServerProcess.FreePort();
        var process = ServerProcess.Start(binaries.Postgres,
            ["-D", dataDirectory, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c", "listen_addresses=127.0.0.1",
             "-c", "unix_socket_directories=", "-c", "max_connections=200"],
            ServiceUser.Postgres, stopSignal: 2);
        var server = new PostgresServer(process, root, port);
        await Eventually.ReturnsAsync(server.AnswersAsync, answers => answers, TimeSpan.FromSeconds(60), "the test PostgreSQL server to accept connections");
        return server;
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = _port,
        Username = NativePostgresServerResource.SuperUser,
        Password = Password,
        Database = database,
        MaxPoolSize = 20,
    }.ConnectionString;

    public async Task CreateDatabaseAsync(string database)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false;Timeout=2");
            await connection.OpenAsync();
            return true;
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or IOException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await _process.DisposeAsync();
        TemporaryDirectory.Delete(_dataDirectory);
    }
}
