using Chat.AppHost.Hosting;
using Chat.AppHost.Resources;
using Npgsql;

namespace Chat.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server for integration tests of one service, started by the AppHost's own
/// Postgres resource (same initdb, same unprivileged user, same shutdown) in a temporary data folder.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly DistributedApplication _app;
    private readonly PostgresServerResource _server;
    private readonly string _dataDirectory;

    private PostgresServer(DistributedApplication app, PostgresServerResource server, string dataDirectory)
    {
        _app = app;
        _server = server;
        _dataDirectory = dataDirectory;
    }

    public static async Task<PostgresServer> StartAsync()
    {
        var dataDirectory = TemporaryDirectory.Create("chat-tests-pg");
        var builder = DistributedApplication.CreateBuilder(new AppHostOptions
        {
            DataDirectory = dataDirectory,
            UseWellKnownPorts = false,
            Console = ConsoleMode.Silent,
        });
        var server = (PostgresServerResource)builder.AddPostgres("test-db", databaseName: "postgres").Resource;
        var app = builder.Build();
        await app.StartAsync();
        return new PostgresServer(app, server, dataDirectory);
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = database, MaxPoolSize = 20 }.ConnectionString;

    public async Task CreateDatabaseAsync(string database)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        TemporaryDirectory.Delete(_dataDirectory);
    }
}
