using Confluent.Kafka;

namespace Chat.ServiceDefaults;

/// <summary>Producer, consumer and admin settings for one Kafka cluster, defaults first, then configuration.</summary>
public sealed class KafkaClientConfigs(KafkaClientSettings settings, string clientId)
{
    private readonly string bootstrapServers = settings.ConnectionString;

    public string BootstrapServers => bootstrapServers;

    /// <summary>Idempotent producer that waits for every in-sync replica: an acknowledged event is not lost.</summary>
    public ProducerConfig Producer()
    {
        var config = new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            ClientId = clientId,
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 5,
        };
        settings.ApplyTo(config);
        return config;
    }

    /// <summary>How often a consumer commits the offsets its handlers finished.</summary>
    public static readonly TimeSpan AutoCommitInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Consumer that commits only what its handler finished: offsets are stored by hand after processing, and the
    /// client commits what was stored in the background (<see cref="AutoCommitInterval"/>) and on close.
    /// </summary>
    public ConsumerConfig Consumer(string groupId)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            ClientId = clientId,
            GroupId = groupId,
            EnableAutoCommit = true,
            AutoCommitIntervalMs = (int)AutoCommitInterval.TotalMilliseconds,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky,
        };
        settings.ApplyTo(config);
        return config;
    }

    public AdminClientConfig Admin() => new() { BootstrapServers = bootstrapServers, ClientId = clientId };
}
