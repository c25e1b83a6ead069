using System.Text.Json;
using Chat.Contracts;
using Chat.ServiceDefaults;
using Chat.ServiceDefaults.Eventing;
using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Chat.Gateway.Realtime;

/// <summary>
/// This instance's live feed of Messaging's events. Every gateway instance must see every event (its subscribers
/// may be anywhere), so each reads all partitions itself under its own group id <c>gateway-&lt;guid&gt;</c>, from the
/// end of each partition at start, committing nothing: a real-time feed has no backlog to resume. Partitions are
/// assigned directly rather than through a group join, so the feed is live as soon as it is ready (no rebalance
/// wait). The event backbone's consumer host does not fit: it commits per message and dead-letters, which a
/// throwaway per-instance group must not do.
/// </summary>
public sealed partial class MessageEventFeed(KafkaClientConfigs configs, MessageEventHub hub, ILogger<MessageEventFeed> logger)
    : BackgroundService, IHealthCheck
{
    public static readonly string[] TopicNames = [
        Topics.MessageCreated, Topics.MessageUpdated, Topics.MessageDeleted, Topics.MessageReacted, Topics.ConversationChanged,
    ];

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private readonly string groupId = "gateway-" + Guid.NewGuid().ToString("N");
    private volatile bool live;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(live ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Message event feed not assigned yet."));

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        var config = configs.Consumer(groupId);
        config.AutoOffsetReset = AutoOffsetReset.Latest;
        config.EnableAutoCommit = false;
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(config)
            .SetErrorHandler((_, error) => LogKafkaError(logger, error.Code, error.Reason))
            .LogTo(logger)
            .Build();
        while (!stoppingToken.IsCancellationRequested && !TryAssign(consumer))
        {
            stoppingToken.WaitHandle.WaitOne(RetryDelay);
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (Consume(consumer, stoppingToken) is { Message.Value: { } value } result)
                {
                    using var activity = KafkaActivities.StartProcess(result, groupId);
                    Dispatch(result.Topic, value, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            consumer.Close();
        }
    }

    private bool TryAssign(IConsumer<byte[]?, byte[]?> consumer)
    {
        try
        {
            using var admin = new AdminClientBuilder(configs.Admin()).Build();
            var assignment = new List<TopicPartitionOffset>();
            foreach (var topic in TopicNames)
            {
                var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(2));
                foreach (var partition in metadata.Topics.Single().Partitions)
                {
                    var topicPartition = new TopicPartition(topic, partition.PartitionId);
                    var end = consumer.QueryWatermarkOffsets(topicPartition, TimeSpan.FromSeconds(2)).High;
                    assignment.Add(new TopicPartitionOffset(topicPartition, end));
                }
            }
            consumer.Assign(assignment);
            live = true;
            LogAssigned(logger, assignment.Count);
            return true;
        }
        catch (KafkaException exception)
        {
            LogAssignFailed(logger, exception.Error.Code, exception.Error.Reason);
            return false;
        }
    }

    private ConsumeResult<byte[]?, byte[]?>? Consume(IConsumer<byte[]?, byte[]?> consumer, CancellationToken stoppingToken)
    {
        try
        {
            return consumer.Consume(stoppingToken);
        }
        catch (ConsumeException exception) when (!exception.Error.IsFatal)
        {
            LogKafkaError(logger, exception.Error.Code, exception.Error.Reason);
            return null;
        }
    }

    /// <summary>Confluent wire format: magic byte 0, a 4-byte schema id, then the event's JSON.</summary>
    private void Dispatch(string topic, byte[] value, CancellationToken stoppingToken)
    {
        if (value.Length < 5 || value[0] != 0)
        {
            LogUnreadable(logger, topic);
            return;
        }

        IntegrationEvent integrationEvent;
        try
        {
            integrationEvent = EventJson.Deserialize(topic, value.AsSpan(5));
        }
        catch (JsonException)
        {
            LogUnreadable(logger, topic);
            return;
        }

        try
        {
            hub.DispatchAsync(integrationEvent, stoppingToken).GetAwaiter().GetResult();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogDispatchFailed(logger, exception, topic, integrationEvent.EventId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Message event feed live on {Partitions} partitions")]
    private static partial void LogAssigned(ILogger logger, int partitions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message event feed cannot read topic metadata yet ({Code}: {Reason}); retrying")]
    private static partial void LogAssignFailed(ILogger logger, ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message event feed Kafka error {Code}: {Reason}")]
    private static partial void LogKafkaError(ILogger logger, ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unreadable event on {Topic}; skipped")]
    private static partial void LogUnreadable(ILogger logger, string topic);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event {EventId} on {Topic} could not be relayed to subscribers")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception, string topic, Guid eventId);
}
