using System.Runtime.InteropServices;
using System.Text;

namespace Chat.AppHost.Resources.Kafka;

/// <summary>
/// librdkafka's in-memory mock cluster, hosted in this process and reachable over TCP by any Kafka client.
/// It is a stand-in for a real cluster on machines that have none: no persistence, one broker.
/// </summary>
public sealed class MockKafkaCluster : IDisposable
{
    private const int ProducerType = 0;
    private readonly IntPtr _client;
    private readonly IntPtr _cluster;

    public MockKafkaCluster(int brokerCount = 1)
    {
        LibRdKafkaMock.EnsureLoaded();
        var error = new byte[512];
        var conf = LibRdKafkaMock.ConfNew();
        // The client only hosts the cluster and never connects anywhere: keep its "no bootstrap.servers" notice quiet.
        LibRdKafkaMock.ConfSet(conf, "log_level", "3", error, (nuint)error.Length);
        _client = LibRdKafkaMock.New(ProducerType, conf, error, (nuint)error.Length);
        if (_client == IntPtr.Zero)
        {
            throw new InvalidOperationException("librdkafka: " + Encoding.UTF8.GetString(error).TrimEnd('\0'));
        }
        _cluster = LibRdKafkaMock.MockClusterNew(_client, brokerCount);
        if (_cluster == IntPtr.Zero)
        {
            LibRdKafkaMock.Destroy(_client);
            throw new InvalidOperationException("librdkafka could not create a mock cluster");
        }
        BootstrapServers = Marshal.PtrToStringUTF8(LibRdKafkaMock.MockClusterBootstraps(_cluster)) ?? "";
    }

    public string BootstrapServers { get; }

    public void CreateTopic(string name, int partitions)
    {
        var error = LibRdKafkaMock.MockTopicCreate(_cluster, name, partitions, replicationFactor: 1);
        if (error != 0)
        {
            throw new InvalidOperationException($"librdkafka could not create mock topic '{name}' (error {error})");
        }
    }

    public void Dispose()
    {
        LibRdKafkaMock.MockClusterDestroy(_cluster);
        LibRdKafkaMock.Destroy(_client);
    }
}
