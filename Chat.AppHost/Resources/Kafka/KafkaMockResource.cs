using Chat.Contracts;

namespace Chat.AppHost.Resources.Kafka;

/// <summary>
/// Kafka for machines without a broker: librdkafka's mock cluster, hosted in the AppHost process and reachable
/// over TCP by any Kafka client. Its address is known only once it runs, so the connection string waits for it
/// (the pattern of Aspire's <c>AddConnectionString</c>). In-memory: no persistence, one broker.
/// </summary>
public sealed class KafkaMockResource(string name, IEnumerable<TopicSpec> topicSpecs) : Resource(name), IResourceWithConnectionString
{
    private readonly TaskCompletionSource<string> _bootstrapServers = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IReadOnlyList<TopicSpec> _topics = [.. topicSpecs];
    private MockKafkaCluster? _cluster;

    public IReadOnlyList<TopicSpec> Topics => _topics;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{new BootstrapServers(this)}");

    /// <summary>Starts the cluster and creates every topic at its partition count; returns the bootstrap servers.</summary>
    public string Start()
    {
        if (_cluster is null)
        {
            _cluster = new MockKafkaCluster();
            foreach (var topic in _topics)
            {
                _cluster.CreateTopic(topic.Name, topic.Partitions);
            }
            _bootstrapServers.TrySetResult(_cluster.BootstrapServers);
        }
        return _cluster.BootstrapServers;
    }

    /// <summary>The cluster's address, once it runs; in a manifest, this resource's connection string parameter.</summary>
    private sealed class BootstrapServers(KafkaMockResource owner) : IValueProvider, IManifestExpressionProvider
    {
        public string ValueExpression => $"{{{owner.Name}.connectionString}}";

        public async ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) =>
            await owner._bootstrapServers.Task.WaitAsync(cancellationToken);
    }
}
