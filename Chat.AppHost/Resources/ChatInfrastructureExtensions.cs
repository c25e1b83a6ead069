using Microsoft.Extensions.Configuration;
using Chat.AppHost.Resources.Kafka;
using Chat.AppHost.Resources.Postgres;
using Chat.AppHost.Resources.Redis;
using Chat.AppHost.Resources.Restarts;
using Chat.Contracts;

namespace Chat.AppHost.Resources;

/// <summary>
/// PostgreSQL, Redis and Kafka, chosen per mode: a connection string configured for the resource
/// (<c>ConnectionStrings:&lt;name&gt;</c>: bring your own server) is used as it is; otherwise a local run launches
/// native servers (this machine has no container engine), and publishing describes Aspire's container resources,
/// so the manifest is deployable.
/// </summary>
public static class ChatInfrastructureExtensions
{
    public static IResourceBuilder<IResourceWithConnectionString> AddChatPostgres(
        this IDistributedApplicationBuilder builder, ChatDataFolder data, string serverName, string databaseResourceName, string databaseName, int wellKnownPort)
    {
        if (IsConfigured(builder, databaseResourceName))
        {
            return builder.AddConnectionString(databaseResourceName);
        }
        if (builder.ExecutionContext.IsPublishMode)
        {
            return builder.AddPostgres(serverName).WithDataVolume().AddDatabase(databaseResourceName, databaseName);
        }
        return builder.AddNativePostgres(serverName, data, WellKnownPorts.IfFree(builder.Configuration, wellKnownPort))
            .WithRestartOnCrash()
            .AddDatabase(databaseResourceName, databaseName);
    }

    public static IResourceBuilder<IResourceWithConnectionString> AddChatRedis(this IDistributedApplicationBuilder builder, ChatDataFolder data, string name, int wellKnownPort)
    {
        if (IsConfigured(builder, name))
        {
            return builder.AddConnectionString(name);
        }
        if (builder.ExecutionContext.IsPublishMode)
        {
            return builder.AddRedis(name).WithDataVolume().WithPersistence();
        }
        return builder.AddNativeRedis(name, data, WellKnownPorts.IfFree(builder.Configuration, wellKnownPort)).WithRestartOnCrash();
    }

    /// <summary>
    /// Kafka: a configured cluster, else (run) the mock cluster with every topic of SPEC §5, else (publish) a Kafka
    /// broker container whose address is the <c>kafka</c> connection string.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddChatKafka(this IDistributedApplicationBuilder builder, string name, IEnumerable<TopicSpec> topics)
    {
        if (IsConfigured(builder, name))
        {
            return builder.AddConnectionString(name);
        }
        if (builder.ExecutionContext.IsPublishMode)
        {
            // Confluent's single-node KRaft image; topics auto-create on first produce.
            var broker = builder.AddContainer($"{name}-broker", "confluentinc/confluent-local", "7.9.0")
                .WithEndpoint(targetPort: 9092, name: "tcp", scheme: "tcp")
                .WithVolume($"{name}-data", "/var/lib/kafka/data");
            var endpoint = broker.GetEndpoint("tcp");
            return builder.AddConnectionString(name, ReferenceExpression.Create(
                $"{endpoint.Property(EndpointProperty.Host)}:{endpoint.Property(EndpointProperty.Port)}"));
        }
        return builder.AddKafkaMock(name, topics);
    }

    /// <summary>What a service needs from Kafka: the connection string, and short waits when it is the mock.</summary>
    public static IResourceBuilder<ProjectResource> WithKafka(this IResourceBuilder<ProjectResource> project, IResourceBuilder<IResourceWithConnectionString> kafka)
    {
        project.WithReference(kafka).WaitFor(kafka);
        return kafka.Resource is KafkaMockResource ? project.WithKafkaMockClientSettings() : project;
    }

    private static bool IsConfigured(IDistributedApplicationBuilder builder, string name) =>
        builder.Configuration.GetConnectionString(name) is { Length: > 0 };
}
