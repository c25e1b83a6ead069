using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Chat.Tests.Eventing.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL 15 server for the eventing tests: initdb into a temp directory as the <c>postgres</c>
/// user (initdb refuses root), on a free port, stopped and deleted on dispose. Each test gets its own database.
/// Kept in this one file so it can be swapped for the AppHost's Postgres resource.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "chat-eventing-pg-" + Guid.NewGuid().ToString("N")[..8]);
    private int _port;

    public async ValueTask InitializeAsync()
    {
        _port = FreePort();
        Directory.CreateDirectory(_dataDirectory);
        await RunAsync("chown", "postgres:postgres", _dataDirectory);
        await RunAsPostgresAsync("initdb", "-D", _dataDirectory, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-sync");
        await RunAsPostgresAsync("pg_ctl", "start", "-w", "-D", _dataDirectory, "-l", Path.Combine(_dataDirectory, "server.log"),
            "-o", $"-p {_port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c max_connections=200");
    }

    /// <summary>A new, empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=50";

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunAsPostgresAsync("pg_ctl", "stop", "-m", "immediate", "-w", "-D", _dataDirectory);
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private static Task RunAsPostgresAsync(string tool, params string[] arguments) =>
        RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(BinDirectory, tool), .. arguments]);

    private static async Task RunAsync(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
