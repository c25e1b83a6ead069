using Chat.Contracts;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Chat.AppHost.Resources.Kafka;

/// <summary><c>AddKafkaMock</c>, and what a service that uses it needs besides its connection string.</summary>
public static class KafkaMockBuilderExtensions
{
    public static IResourceBuilder<KafkaMockResource> AddKafkaMock(this IDistributedApplicationBuilder builder, string name, IEnumerable<TopicSpec> topics)
    {
        var kafka = new KafkaMockResource(name, topics);
        var healthCheckKey = $"{name}-check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheckKey,
            _ => new KafkaTopicsHealthCheck(kafka), failureStatus: null, tags: null, timeout: TimeSpan.FromSeconds(5)));

        return builder.AddResource(kafka)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "Kafka (mock cluster)",
                State = KnownResourceStates.NotStarted,
                Properties = [],
            })
            .WithIconName("Stream")
            .WithHealthCheck(healthCheckKey)
            .OnInitializeResource(async (resource, @event, cancellationToken) =>
            {
                try
                {
                    await @event.Eventing.PublishAsync(new BeforeResourceStartedEvent(resource, @event.Services), cancellationToken);
                    var bootstrapServers = resource.Start();
                    @event.Logger.LogInformation("Mock cluster at {BootstrapServers} with topics {Topics}", bootstrapServers,
                        string.Join(", ", resource.Topics.Select(topic => $"{topic.Name}({topic.Partitions})")));
                    await @event.Notifications.PublishUpdateAsync(resource, snapshot => snapshot with
                    {
                        State = KnownResourceStates.Running,
                        StartTimeStamp = DateTime.UtcNow,
                        Urls = [new UrlSnapshot("bootstrap", $"tcp://{bootstrapServers}", IsInternal: false)],
                    });
                    await @event.Eventing.PublishAsync(new ConnectionStringAvailableEvent(resource, @event.Services), cancellationToken);
                }
                catch (Exception exception) when (exception is InvalidOperationException or DllNotFoundException)
                {
                    @event.Logger.LogError(exception, "The Kafka mock cluster did not start");
                    await @event.Notifications.PublishUpdateAsync(resource, snapshot => snapshot with { State = KnownResourceStates.FailedToStart });
                }
            });
    }

    /// <summary>
    /// The mock answers an empty fetch only after fetch.wait.max.ms and rebalances wait for a departed member's
    /// session to time out: both defaults turn into seconds of latency here, so clients of the mock wait less.
    /// Schemas are registered by the producers, since the local registry starts empty.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithKafkaMockClientSettings(this IResourceBuilder<ProjectResource> project) => project
        .WithEnvironment("Aspire__Confluent__Kafka__Consumer__Config__FetchWaitMaxMs", "5")
        .WithEnvironment("Aspire__Confluent__Kafka__Consumer__Config__SessionTimeoutMs", "6000")
        .WithEnvironment("Aspire__Confluent__Kafka__Consumer__Config__HeartbeatIntervalMs", "1000")
        .WithEnvironment("Kafka__Schemas__AutoRegister", "true");

    /// <summary>Healthy when the broker answers metadata with every topic at its partition count.</summary>
    private sealed class KafkaTopicsHealthCheck(KafkaMockResource kafka) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var bootstrapServers = await kafka.ConnectionStringExpression.GetValueAsync(cancellationToken);
            return await Task.Run(() =>
            {
                try
                {
                    using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
                    var metadata = admin.GetMetadata(TimeSpan.FromSeconds(3));
                    var partitions = metadata.Topics.ToDictionary(topic => topic.Topic, topic => topic.Partitions.Count);
                    var missing = kafka.Topics.Where(topic => partitions.GetValueOrDefault(topic.Name) != topic.Partitions).Select(topic => topic.Name).ToList();
                    return metadata.Brokers.Count > 0 && missing.Count == 0
                        ? HealthCheckResult.Healthy()
                        : HealthCheckResult.Unhealthy($"missing topics: {string.Join(", ", missing)}");
                }
                catch (KafkaException exception)
                {
                    return HealthCheckResult.Unhealthy(exception.Message);
                }
            }, cancellationToken);
        }
    }
}
