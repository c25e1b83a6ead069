using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Chat.ServiceDefaults;

/// <summary>
/// Creates the database and applies pending migrations at start-up. Hosted services start before the
/// web server, so no request reaches a half-migrated schema. Takes the configured connection string: the one the
/// context reports has no password once Npgsql has opened a connection with it.
/// </summary>
public sealed partial class DatabaseMigrator<TContext>(
    IServiceProvider services, string connectionString, ILogger<DatabaseMigrator<TContext>> logger)
    : IHostedService where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var target = new NpgsqlConnectionStringBuilder(connectionString);

        // Several instances starting together would each apply the same migration ("relation already exists"):
        // they take turns under an advisory lock. It is held on the server's maintenance database because the
        // service's own database may not exist yet (the first migration creates it).
        await using var lockConnection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(target.ConnectionString)
        {
            Database = "postgres",
            Pooling = false,
        }.ConnectionString);
        await lockConnection.OpenAsync(cancellationToken);
        var key = LockKey(target.Database ?? "");
        await ExecuteAsync(lockConnection, "SELECT pg_advisory_lock(@key)", key, cancellationToken);
        try
        {
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await context.Database.MigrateAsync(cancellationToken);
            LogMigrated(typeof(TContext).Name, pending.Count);
        }
        finally
        {
            await ExecuteAsync(lockConnection, "SELECT pg_advisory_unlock(@key)", key, CancellationToken.None);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static long LockKey(string database) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("ef-migrations:" + database)));

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, long key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", key);
        await command.ExecuteScalarAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database of {Context} is up to date ({Applied} migrations applied)")]
    private partial void LogMigrated(string context, int applied);
}
