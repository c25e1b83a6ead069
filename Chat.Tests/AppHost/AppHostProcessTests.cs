using Chat.AppHost.Processes;
using Chat.ServiceDefaults;
using Chat.Tests.Infrastructure;
using Npgsql;

namespace Chat.Tests.AppHost;

/// <summary>The AppHost as its own process, stopped the ways a user or the OS stops it.</summary>
public sealed class AppHostProcessTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly string _dataDirectory = TemporaryDirectory.Create("chat-apphost-process");

    [Fact]
    public async Task GracefulShutdown_LeavesNoChildProcess_AndRestartKeepsData()
    {
        await using (var host = await AppHostProcess.StartAsync(_dataDirectory, StartTimeout))
        {
            var children = ProcessTree.DescendantsOf(host.ProcessId);
            Assert.True(children.Count >= 10, $"expected the servers and services as children, saw {children.Count}");
            await WriteMarkerAsync(ConnectionStringOf(ResourceNames.ChatDb));

            host.Signal(Signals.SigInt);
            await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

            Assert.DoesNotContain(children, ProcessTree.IsAlive);
            Assert.Contains("Stopped", host.Output, StringComparison.Ordinal);
        }

        await using (var restarted = await AppHostProcess.StartAsync(_dataDirectory, StartTimeout))
        {
            Assert.True(await MarkerExistsAsync(ConnectionStringOf(ResourceNames.ChatDb)), "data written before the restart is gone");
        }
    }

    [Fact]
    public async Task KilledAppHost_TakesEveryChildProcessWithIt()
    {
        await using var host = await AppHostProcess.StartAsync(_dataDirectory, StartTimeout);
        var children = ProcessTree.DescendantsOf(host.ProcessId);
        Assert.True(children.Count >= 10, $"expected the servers and services as children, saw {children.Count}");

        host.Signal(Signals.SigKill);

        await Eventually.TrueAsync(() => !children.Any(ProcessTree.IsAlive), TimeSpan.FromSeconds(30),
            "every child of the killed AppHost to exit");
    }

    /// <summary>The AppHost keeps generated passwords in its data folder; ports come from its output.</summary>
    private string ConnectionStringOf(string database)
    {
        var password = File.ReadAllText(Path.Combine(_dataDirectory, "secrets", database)).Trim();
        var port = File.ReadAllText(Path.Combine(_dataDirectory, "postgres", database, "postmaster.pid")).Split('\n')[3].Trim();
        return $"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database=postgres;Pooling=false";
    }

    private static async Task WriteMarkerAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("CREATE TABLE restart_marker(id int); INSERT INTO restart_marker VALUES (42);", connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<bool> MarkerExistsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM restart_marker WHERE id = 42", connection);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))! == 1;
    }

    public void Dispose() => TemporaryDirectory.Delete(_dataDirectory);
}
