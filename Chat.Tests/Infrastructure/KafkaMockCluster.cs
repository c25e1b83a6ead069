using Chat.AppHost.Resources.Kafka;
using Chat.Contracts;

namespace Chat.Tests.Infrastructure;

/// <summary>
/// The AppHost's librdkafka mock cluster (real Kafka protocol over TCP, in this process) with every topic of
/// SPEC §5 and its dead-letter topic created at its real partition count, as the AppHost does. One per test.
/// </summary>
public sealed class KafkaMockCluster : IDisposable
{
    private readonly MockKafkaCluster _cluster = new();

    public KafkaMockCluster()
    {
        foreach (var topic in Topics.AllWithDeadLetters)
        {
            _cluster.CreateTopic(topic.Name, topic.Partitions);
        }
    }

    public string BootstrapServers => _cluster.BootstrapServers;

    public void Dispose() => _cluster.Dispose();
}
