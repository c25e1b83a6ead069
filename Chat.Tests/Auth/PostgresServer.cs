using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Chat.Tests.Auth;

/// <summary>
/// A throwaway PostgreSQL 15 server in a temporary directory, on a free port, deleted on dispose.
/// initdb refuses to run as root, so as root the binaries run as the <c>postgres</c> system user.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _root;
    private readonly int _port;

    private PostgresServer(DirectoryInfo root, int port)
    {
        _root = root;
        _port = port;
    }

    private string DataDirectory => Path.Combine(_root.FullName, "data");

    public static async Task<PostgresServer> StartAsync()
    {
        var root = Directory.CreateTempSubdirectory("chat-tests-pg-");
        var server = new PostgresServer(root, FreePort());
        try
        {
            if (RunsAsRoot)
            {
                await RunAsync("chown", ["postgres:postgres", root.FullName]);
            }

            await RunPostgresAsync("initdb", ["-D", server.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
            await RunPostgresAsync("pg_ctl", ["-D", server.DataDirectory, "-l", Path.Combine(root.FullName, "server.log"), "-w", "-t", "60",
                "-o", $"-p {server._port} -k {root.FullName} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300", "start"]);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Maximum Pool Size=20";

    public async Task CreateDatabaseAsync(string database)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            await RunPostgresAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
        }

        _root.Delete(recursive: true);
    }

    private static bool RunsAsRoot => Environment.UserName == "root";

    private static Task RunPostgresAsync(string tool, IReadOnlyList<string> arguments) => RunsAsRoot
        ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(BinDirectory, tool), .. arguments])
        : RunAsync(Path.Combine(BinDirectory, tool), arguments);

    private static async Task RunAsync(string fileName, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        using var timeout = new CancellationTokenSource(CommandTimeout);
        // Read both streams while waiting, or a chatty tool blocks on a full pipe.
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
