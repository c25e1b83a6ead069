using Confluent.Kafka;

namespace Chat.Tests.Eventing.Infrastructure;

/// <summary>
/// librdkafka's in-process mock cluster (real Kafka protocol over TCP), alive as long as the client that hosts
/// it. Topics auto-create on first produce with 4 partitions. One cluster per test keeps topics per test.
/// </summary>
public sealed class KafkaMockCluster : IDisposable
{
    private readonly IProducer<Null, Null> _host;

    public KafkaMockCluster()
    {
        _host = new ProducerBuilder<Null, Null>(new ProducerConfig(new Dictionary<string, string> { ["test.mock.num.brokers"] = "1" })).Build();
        using var admin = new DependentAdminClientBuilder(_host.Handle).Build();
        var broker = admin.GetMetadata(TimeSpan.FromSeconds(10)).Brokers.Single();
        BootstrapServers = $"{broker.Host}:{broker.Port}";
    }

    public string BootstrapServers { get; }

    public void Dispose() => _host.Dispose();
}
