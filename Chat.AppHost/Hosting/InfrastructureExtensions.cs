using Chat.AppHost.Resources;
using Chat.AppHost.Resources.Kafka;
using Chat.Contracts;
using Microsoft.Extensions.Configuration;
using Npgsql;
using StackExchange.Redis;

namespace Chat.AppHost.Hosting;

/// <summary>
/// <c>AddPostgres</c>, <c>AddRedis</c>, <c>AddKafka</c>: launched by the AppHost, unless
/// <c>ConnectionStrings:&lt;name&gt;</c> is configured, in which case that server is used as it is.
/// </summary>
public static class InfrastructureExtensions
{
    public static IResourceBuilder<Resource> AddPostgres(this DistributedApplicationBuilder builder, string name, string databaseName, int? wellKnownPort = null)
    {
        if (builder.Configuration.GetConnectionString(name) is { Length: > 0 } configured)
        {
            return builder.AddResource<Resource>(new ExternalResource(name, "PostgreSQL", configured, token => CanOpenAsync(configured, token)));
        }
        var binaries = PostgresBinaries.Find();
        if (binaries is null)
        {
            builder.AddMissingPrerequisite(PostgresBinaries.InstallHint);
        }
        var port = builder.Ports.Allocate(wellKnownPort);
        return builder.AddResource<Resource>(new PostgresServerResource(
            name, databaseName, port, builder.DataPathFor("postgres", name), builder.Secrets.GetOrCreate(name),
            binaries ?? new PostgresBinaries("postgres", "initdb")));
    }

    public static IResourceBuilder<Resource> AddRedis(this DistributedApplicationBuilder builder, string name, int? wellKnownPort = null)
    {
        if (builder.Configuration.GetConnectionString(name) is { Length: > 0 } configured)
        {
            return builder.AddResource<Resource>(new ExternalResource(name, "Redis", configured, token => CanPingAsync(configured)));
        }
        var server = RedisResource.FindServer();
        if (server is null)
        {
            builder.AddMissingPrerequisite(RedisResource.InstallHint);
        }
        var port = builder.Ports.Allocate(wellKnownPort);
        return builder.AddResource<Resource>(new RedisResource(
            name, port, builder.DataPathFor("redis", name), builder.Secrets.GetOrCreate(name), server ?? "redis-server"));
    }

    public static IResourceBuilder<KafkaResource> AddKafka(this DistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new KafkaResource(name, builder.Configuration.GetConnectionString(name) is { Length: > 0 } configured ? configured : null));

    /// <summary>Topics that must exist, with their partition counts, before any service starts.</summary>
    public static IResourceBuilder<KafkaResource> WithTopics(this IResourceBuilder<KafkaResource> builder, IEnumerable<TopicSpec> topics)
    {
        builder.Resource.AddTopics(topics);
        return builder;
    }

    private static async Task<bool> CanOpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            // The service's own database may not exist yet (its migrations create it): probe the server.
            var probe = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false, Timeout = 3 };
            await using var connection = new NpgsqlConnection(probe.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            return false;
        }
    }

    private static async Task<bool> CanPingAsync(string connectionString)
    {
        try
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(connectionString);
            await connection.GetDatabase().PingAsync();
            return true;
        }
        catch (RedisException)
        {
            return false;
        }
    }
}
