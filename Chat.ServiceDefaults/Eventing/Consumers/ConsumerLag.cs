using System.Diagnostics.Metrics;
using Confluent.Kafka;

namespace Chat.ServiceDefaults.Eventing.Consumers;

/// <summary>
/// Owns a consumer so the lag gauge (read on the metrics thread) and closing (on the consume thread) never
/// overlap: lag per assigned partition is the cached high watermark minus the consumer's position.
/// </summary>
internal sealed class ConsumerLag(string consumerGroup, IConsumer<byte[]?, byte[]?> consumer)
{
    private readonly Lock _gate = new();
    private bool _closed;

    public IConsumer<byte[]?, byte[]?> Consumer => consumer;

    public IEnumerable<Measurement<long>> Measure()
    {
        var measurements = new List<Measurement<long>>();
        lock (_gate)
        {
            if (_closed)
            {
                return measurements;
            }
            foreach (var partition in consumer.Assignment)
            {
                var watermarks = consumer.GetWatermarkOffsets(partition);
                var position = consumer.Position(partition);
                if (watermarks.High.IsSpecial || position.IsSpecial)
                {
                    continue; // nothing fetched yet for this partition
                }
                measurements.Add(new Measurement<long>(Math.Max(0, watermarks.High.Value - position.Value),
                    new KeyValuePair<string, object?>(EventingTelemetry.ConsumerGroup, consumerGroup),
                    new KeyValuePair<string, object?>(EventingTelemetry.DestinationName, partition.Topic),
                    new KeyValuePair<string, object?>(EventingTelemetry.DestinationPartition, partition.Partition.Value)));
            }
        }
        return measurements;
    }

    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            try
            {
                consumer.Close();
            }
            finally
            {
                consumer.Dispose();
            }
        }
    }
}
