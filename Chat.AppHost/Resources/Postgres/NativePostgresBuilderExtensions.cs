using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Chat.AppHost.Resources.Postgres;

/// <summary><c>AddNativePostgres(...).AddDatabase(...)</c>: Aspire's PostgreSQL hosting integration, minus the container.</summary>
public static class NativePostgresBuilderExtensions
{
    public static IResourceBuilder<NativePostgresServerResource> AddNativePostgres(this IDistributedApplicationBuilder builder, string name, ChatDataFolder data, int? port = null)
    {
        var binaries = PostgresBinaries.Find() ?? throw new DistributedApplicationException(PostgresBinaries.InstallHint);
        var (command, prefix) = ServiceUser.Wrap(binaries.Postgres, ServiceUser.Postgres);
        var password = builder.AddParameter($"{name}-password", data.SecretFor(name), secret: true);
        var server = new NativePostgresServerResource(name, command, data.PathFor("postgres", name), password.Resource);
        var healthCheckKey = $"{name}-check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheckKey,
            _ => new PostgresServerHealthCheck(server), failureStatus: null, tags: null, timeout: TimeSpan.FromSeconds(5)));

        return builder.AddResource(server)
            .WithEndpoint(port: port, name: NativePostgresServerResource.EndpointName, scheme: "tcp", env: "PGPORT")
            .WithArgs([.. prefix,
                "-D", server.DataDirectory,
                "-c", "listen_addresses=localhost",
                // No Unix socket: several servers share the machine, and the default socket folder may not exist.
                "-c", "unix_socket_directories=",
                "-c", "max_connections=200"])
            .WithIconName("Database")
            .WithHealthCheck(healthCheckKey)
            .OnBeforeResourceStarted(async (resource, @event, cancellationToken) =>
            {
                var logger = @event.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
                var secret = await resource.Password.GetValueAsync(cancellationToken) ?? "";
                await PostgresInitDb.EnsureAsync(binaries, resource.DataDirectory, secret, line => logger.LogInformation("{InitDb}", line), cancellationToken);
            });
    }

    /// <summary>
    /// A database on the server, the resource a service references. Aspire passes a parent's state on only to
    /// children of containers, so the database mirrors its server's state itself. It has no health check of its own:
    /// whoever references it waits for the server's, since the connection string names the server.
    /// </summary>
    public static IResourceBuilder<NativePostgresDatabaseResource> AddDatabase(this IResourceBuilder<NativePostgresServerResource> server, string name, string databaseName) =>
        server.ApplicationBuilder.AddResource(new NativePostgresDatabaseResource(name, databaseName, server.Resource))
            .WithInitialState(new CustomResourceSnapshot { ResourceType = "PostgresDatabase", State = KnownResourceStates.NotStarted, Properties = [] })
            .WithIconName("Database")
            .OnInitializeResource((database, @event, cancellationToken) =>
            {
                _ = Task.Run(() => MirrorParentStateAsync(database, @event.Notifications, cancellationToken), CancellationToken.None);
                return Task.CompletedTask;
            });

    private static async Task MirrorParentStateAsync(NativePostgresDatabaseResource database, ResourceNotificationService notifications, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var update in notifications.WatchAsync(cancellationToken))
            {
                if (update.Resource == database.Parent)
                {
                    await notifications.PublishUpdateAsync(database, snapshot => snapshot with
                    {
                        State = update.Snapshot.State,
                        StartTimeStamp = update.Snapshot.StartTimeStamp,
                        StopTimeStamp = update.Snapshot.StopTimeStamp,
                    });
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
    }

    /// <summary>Opens a connection to the server's own <c>postgres</c> database and runs <c>SELECT 1</c>.</summary>
    private sealed class PostgresServerHealthCheck(NativePostgresServerResource server) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var connectionString = new NpgsqlConnectionStringBuilder(await server.ConnectionStringExpression.GetValueAsync(cancellationToken))
                {
                    Database = "postgres",
                    Pooling = false,
                    Timeout = 3,
                };
                await using var connection = new NpgsqlConnection(connectionString.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or IOException or InvalidOperationException)
            {
                return HealthCheckResult.Unhealthy(exception.Message);
            }
        }
    }
}
