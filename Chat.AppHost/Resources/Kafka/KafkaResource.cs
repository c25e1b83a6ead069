using Chat.AppHost.Hosting;
using Chat.Contracts;
using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace Chat.AppHost.Resources.Kafka;

/// <summary>
/// Kafka for the services: librdkafka's mock cluster in this process, or a real cluster when
/// <c>ConnectionStrings:kafka</c> names one. Either way the topics exist with their partitions before
/// any service starts.
/// </summary>
public sealed class KafkaResource(string name, string? externalBootstrapServers) : Resource(name), IResourceWithConnectionString
{
    private readonly List<TopicSpec> _topics = [];
    private MockKafkaCluster? _mock;

    public override string Type => externalBootstrapServers is null ? "Kafka (mock cluster)" : "Kafka (external)";

    public bool IsMock => externalBootstrapServers is null;

    public override IReadOnlyList<string> Endpoints => [ConnectionString];

    public string ConnectionString => externalBootstrapServers ?? _mock?.BootstrapServers ?? "";

    public IReadOnlyList<TopicSpec> Topics => _topics;

    /// <summary>
    /// The mock answers an empty fetch only after fetch.wait.max.ms and rebalances wait for a departed member's
    /// session to time out: both defaults turn into seconds of latency here, so clients of the mock wait less.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string>> ClientSettings => IsMock
        ?
        [
            new("Aspire__Confluent__Kafka__Consumer__Config__FetchWaitMaxMs", "5"),
            new("Aspire__Confluent__Kafka__Consumer__Config__SessionTimeoutMs", "6000"),
            new("Aspire__Confluent__Kafka__Consumer__Config__HeartbeatIntervalMs", "1000"),
            new("Kafka__Schemas__AutoRegister", "true"),
        ]
        : [];

    public void AddTopics(IEnumerable<TopicSpec> topics) => _topics.AddRange(topics);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsMock)
        {
            _mock ??= new MockKafkaCluster();
            foreach (var topic in _topics)
            {
                _mock.CreateTopic(topic.Name, topic.Partitions);
            }
            Log.Add($"mock cluster at {_mock.BootstrapServers} with topics {string.Join(", ", _topics.Select(t => $"{t.Name}({t.Partitions})"))}");
            return;
        }
        await CreateTopicsOnClusterAsync(cancellationToken);
    }

    private async Task CreateTopicsOnClusterAsync(CancellationToken cancellationToken)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = externalBootstrapServers }).Build();
        var existing = admin.GetMetadata(TimeSpan.FromSeconds(10)).Topics.Select(t => t.Topic).ToHashSet();
        var missing = _topics.Where(t => !existing.Contains(t.Name))
            .Select(t => new TopicSpecification { Name = t.Name, NumPartitions = t.Partitions, ReplicationFactor = -1 })
            .ToList();
        if (missing.Count > 0)
        {
            await admin.CreateTopicsAsync(missing).WaitAsync(cancellationToken);
        }
        Log.Add($"cluster at {externalBootstrapServers}: created {missing.Count} topic(s)");
    }

    public override Task StopAsync()
    {
        _mock?.Dispose();
        _mock = null;
        return Task.CompletedTask;
    }

    public override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => Task.Run(() =>
    {
        try
        {
            using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = ConnectionString }).Build();
            var metadata = admin.GetMetadata(TimeSpan.FromSeconds(3));
            var partitions = metadata.Topics.ToDictionary(t => t.Topic, t => t.Partitions.Count);
            // A real cluster may have been given more partitions on purpose; the mock must match exactly.
            return metadata.Brokers.Count > 0 && _topics.All(t => IsMock
                ? partitions.GetValueOrDefault(t.Name) == t.Partitions
                : partitions.GetValueOrDefault(t.Name) > 0);
        }
        catch (KafkaException)
        {
            return false;
        }
    }, cancellationToken);
}
