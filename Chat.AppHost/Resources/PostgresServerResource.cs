using Chat.AppHost.Hosting;
using Chat.AppHost.Processes;
using Npgsql;

namespace Chat.AppHost.Resources;

/// <summary>
/// One PostgreSQL server process with its own data directory (database per service). The data directory is
/// created with initdb on first start; as root, the server runs as the unprivileged <c>postgres</c> user
/// because PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresServerResource(string name, string databaseName, int port, string dataDirectory, string password, PostgresBinaries binaries)
    : ExecutableResource(name), IResourceWithConnectionString
{
    private const string SuperUser = "postgres";
    private const string ServiceUser = "postgres";

    public override string Type => "PostgreSQL";

    public int Port => port;

    public string DataDirectory => dataDirectory;

    public override IReadOnlyList<string> Endpoints => [$"tcp://127.0.0.1:{port}"];

    public string ConnectionString => BuildConnectionString(databaseName);

    private string BuildConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = port,
        Username = SuperUser,
        Password = password,
        Database = database,
    }.ConnectionString;

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            return;
        }
        Directory.CreateDirectory(dataDirectory);
        var passwordFile = Path.Combine(dataDirectory, "..", $".{Name}.pwfile");
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        try
        {
            GiveToServiceUser(dataDirectory);
            GiveToServiceUser(passwordFile);
            await RunToCompletionAsync(binaries.InitDb,
                ["-D", dataDirectory, "-U", SuperUser, "--auth=scram-sha-256", $"--pwfile={passwordFile}", "--encoding=UTF8", "--locale=C.UTF-8"],
                cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    protected override ChildProcessSpec CreateProcessSpec() => new(
        binaries.Postgres,
        [
            "-D", dataDirectory,
            "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1",
            // No Unix socket: several servers share the machine, and the default socket folder may not exist.
            "-c", "unix_socket_directories=",
            "-c", "max_connections=200",
        ],
        dataDirectory,
        new Dictionary<string, string>(),
        // SIGINT is PostgreSQL's "fast shutdown": clients are disconnected, data is checkpointed.
        StopSignal: Signals.SigInt,
        RunAsUser: ServiceUser);

    public override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(BuildConnectionString("postgres") + ";Pooling=false;Timeout=3");
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or IOException)
        {
            return false;
        }
    }

    private static void GiveToServiceUser(string path)
    {
        if (Signals.RunningAsRoot)
        {
            ProcessRunner.Run("chown", ["-R", $"{ServiceUser}:{ServiceUser}", path]);
        }
    }

    private async Task RunToCompletionAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var spec = new ChildProcessSpec(fileName, arguments, Path.GetTempPath(), new Dictionary<string, string>(), RunAsUser: ServiceUser);
        await using var process = await ChildProcess.StartAsync(spec, Log.Add);
        await process.Exited.WaitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(fileName)} exited with code {process.ExitCode}");
        }
    }
}
