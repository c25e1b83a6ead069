using Confluent.Kafka;

namespace Chat.Tests.Infrastructure;

/// <summary>Reads a topic from the beginning of every partition, polling with a deadline until a condition holds.</summary>
public static class TopicReader
{
    public static Task<List<ConsumeResult<string?, byte[]?>>> ReadUntilAsync(
        string bootstrapServers, string topic, Func<IReadOnlyList<ConsumeResult<string?, byte[]?>>, bool> done, TimeSpan timeout) =>
        Task.Run(() =>
        {
            var deadline = DateTime.UtcNow + timeout;
            using var consumer = new ConsumerBuilder<string?, byte[]?>(new ConsumerConfig
            {
                BootstrapServers = bootstrapServers,
                GroupId = "test-reader-" + Guid.NewGuid().ToString("N"),
                EnableAutoCommit = false,
                FetchWaitMaxMs = 5,
            }).Build();
            consumer.Assign(WaitForPartitions(bootstrapServers, topic, deadline)
                .Select(partition => new TopicPartitionOffset(topic, partition, Offset.Beginning)));

            var results = new List<ConsumeResult<string?, byte[]?>>();
            while (!done(results))
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Topic '{topic}': condition not met within {timeout}; read {results.Count} message(s).");
                }
                if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { IsPartitionEOF: false } result)
                {
                    results.Add(result);
                }
            }
            return results;
        });

    private static List<Partition> WaitForPartitions(string bootstrapServers, string topic, DateTime deadline)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        while (true)
        {
            var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(5)).Topics.SingleOrDefault();
            if (metadata is { Error.IsError: false, Partitions.Count: > 0 })
            {
                return [.. metadata.Partitions.Select(p => new Partition(p.PartitionId))];
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Topic '{topic}' does not exist.");
            }
            Thread.Sleep(100);
        }
    }
}
