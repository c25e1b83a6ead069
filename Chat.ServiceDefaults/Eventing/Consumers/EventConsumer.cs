using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chat.ServiceDefaults.Eventing.Consumers;

/// <summary>
/// One consumer group: subscribes to the topics its handlers cover and processes what it consumed in batches (up
/// to <see cref="EventConsumerOptions.MaxBatchSize"/>, only what has already arrived), storing an offset only once
/// its message reached a final outcome (handled, duplicate or dead-lettered). The client commits
/// stored offsets in the background every <see cref="KafkaClientConfigs.AutoCommitInterval"/> and on close: a
/// synchronous commit per message would cost a broker round trip each, and a crash re-delivers at most that
/// interval's messages, which the inbox skips.
/// <para>
/// The blocking <c>Consume</c> loop owns a dedicated thread (never a pool thread). Processing is async and is
/// awaited synchronously on that thread: the consumer is not thread-safe for interleaved consume/commit, and its
/// rebalance callbacks run inside <c>Consume</c>, so keeping consume, process and commit on one thread keeps offsets
/// and assignments consistent without locks.
/// </para>
/// </summary>
public sealed partial class EventConsumer(
    EventConsumerDefinition definition, EventProcessor processor, KafkaClientConfigs configs, EventingMetrics metrics,
    EventConsumerOptions options, ILogger<EventConsumer> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        // A message in flight at shutdown may finish within the grace period; then its handler is cancelled.
        using var processing = new CancellationTokenSource();
        using var grace = stoppingToken.Register(() => processing.CancelAfter(options.ShutdownGrace));
        var lag = new ConsumerLag(definition.GroupId, BuildConsumer());
        using var lagRegistration = metrics.AddLagSource(lag.Measure);
        var consumer = lag.Consumer;
        consumer.Subscribe(definition.HandlersByTopic.Keys);
        LogStarted(definition.GroupId, string.Join(", ", definition.HandlersByTopic.Keys));
        var batch = new List<ConsumeResult<byte[]?, byte[]?>>(options.MaxBatchSize);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                batch.Clear();
                if (Consume(consumer, stoppingToken) is not { IsPartitionEOF: false } first)
                {
                    continue;
                }
                batch.Add(first);
                // What the client has fetched already joins the batch without waiting: under load one transaction
                // covers many messages; at a trickle each goes alone, as soon as it arrives.
                while (batch.Count < options.MaxBatchSize && ConsumeFetched(consumer) is { IsPartitionEOF: false } next)
                {
                    batch.Add(next);
                }
                lag.Started(batch);
                var processed = Process(consumer, batch, processing.Token);
                lag.Finished();
                if (!processed && stoppingToken.WaitHandle.WaitOne(RetryDelay))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            lag.Close(); // commits the stored offsets and leaves the group at once
            LogStopped(definition.GroupId);
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
            LogConsumeError(definition.GroupId, exception.Error.Code, exception.Error.Reason);
            return null;
        }
    }

    private ConsumeResult<byte[]?, byte[]?>? ConsumeFetched(IConsumer<byte[]?, byte[]?> consumer)
    {
        try
        {
            return consumer.Consume(TimeSpan.Zero);
        }
        catch (ConsumeException exception) when (!exception.Error.IsFatal)
        {
            LogConsumeError(definition.GroupId, exception.Error.Code, exception.Error.Reason);
            return null;
        }
    }

    /// <summary>False when some messages must be read again (an outcome could not be recorded, e.g. the DLQ is down).</summary>
    private bool Process(IConsumer<byte[]?, byte[]?> consumer, List<ConsumeResult<byte[]?, byte[]?>> batch, CancellationToken processingToken)
    {
        var finished = processor.ProcessAsync(batch, processingToken).GetAwaiter().GetResult();
        foreach (var result in batch.Take(finished))
        {
            try
            {
                consumer.StoreOffset(result);
            }
            catch (KafkaException exception)
            {
                // e.g. the partition was revoked meanwhile: its new owner re-reads the message and the inbox skips it.
                LogStoreOffsetFailed(definition.GroupId, exception.Error.Code, exception.Error.Reason);
            }
        }
        if (finished == batch.Count)
        {
            return true;
        }
        if (!processingToken.IsCancellationRequested)
        {
            // Each partition resumes at its first unfinished message; its later ones were fetched but not processed.
            foreach (var unfinished in batch.Skip(finished).GroupBy(result => result.TopicPartition))
            {
                consumer.Seek(new TopicPartitionOffset(unfinished.Key, unfinished.Min(result => result.Offset.Value)));
            }
        }
        return false;
    }

    private IConsumer<byte[]?, byte[]?> BuildConsumer() =>
        new ConsumerBuilder<byte[]?, byte[]?>(configs.Consumer(definition.GroupId))
            .SetErrorHandler((_, error) => LogKafkaError(definition.GroupId, error.Code, error.Reason))
            .LogTo(logger)
            .SetPartitionsAssignedHandler((_, partitions) => LogAssigned(definition.GroupId, string.Join(", ", partitions)))
            .SetPartitionsRevokedHandler((_, partitions) => LogRevoked(definition.GroupId, string.Join(", ", partitions)))
            .SetOffsetsCommittedHandler((_, committed) =>
            {
                // Local_NoOffset: nothing new was stored since the last commit.
                if (committed.Error.IsError && committed.Error.Code != ErrorCode.Local_NoOffset)
                {
                    // Kept stored: the next interval's commit carries it again.
                    LogCommitFailed(definition.GroupId, committed.Error.Code, committed.Error.Reason);
                }
            })
            .Build();

    [LoggerMessage(Level = LogLevel.Information, Message = "Consumer group {ConsumerGroup} subscribed to {Topics}")]
    private partial void LogStarted(string consumerGroup, string topics);

    [LoggerMessage(Level = LogLevel.Information, Message = "Consumer group {ConsumerGroup} left")]
    private partial void LogStopped(string consumerGroup);

    [LoggerMessage(Level = LogLevel.Information, Message = "Consumer group {ConsumerGroup} assigned {Partitions}")]
    private partial void LogAssigned(string consumerGroup, string partitions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Consumer group {ConsumerGroup} revoked {Partitions}")]
    private partial void LogRevoked(string consumerGroup, string partitions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumer group {ConsumerGroup}: consume error {Code}: {Reason}")]
    private partial void LogConsumeError(string consumerGroup, ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumer group {ConsumerGroup}: Kafka error {Code}: {Reason}")]
    private partial void LogKafkaError(string consumerGroup, ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumer group {ConsumerGroup}: commit failed {Code}: {Reason}")]
    private partial void LogCommitFailed(string consumerGroup, ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumer group {ConsumerGroup}: offset not stored {Code}: {Reason}")]
    private partial void LogStoreOffsetFailed(string consumerGroup, ErrorCode code, string reason);

}
