using System.Diagnostics.Metrics;
using Confluent.Kafka;

namespace Chat.ServiceDefaults.Eventing.Consumers;

/// <summary>
/// Owns a consumer so the lag gauge (read on the metrics thread) and closing (on the consume thread) never
/// overlap: lag per assigned partition is the cached high watermark minus the consumer's position — or, while a
/// batch is being handled, minus the offset after its first message of that partition: fetched is not processed,
/// and a batch's messages wait behind that one as they would in the partition.
/// </summary>
internal sealed class ConsumerLag(string consumerGroup, IConsumer<byte[]?, byte[]?> consumer)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TopicPartition, long> _inFlight = [];
    private bool _closed;

    /// <summary>The consumer took <paramref name="batch"/> and starts handling it.</summary>
    public void Started(IEnumerable<ConsumeResult<byte[]?, byte[]?>> batch)
    {
        lock (_gate)
        {
            _inFlight.Clear();
            foreach (var first in batch.GroupBy(result => result.TopicPartition, result => result.Offset.Value))
            {
                _inFlight[first.Key] = first.Min();
            }
        }
    }

    /// <summary>The batch reached its outcome (or what did not is sought back): the position tells the lag again.</summary>
    public void Finished()
    {
        lock (_gate)
        {
            _inFlight.Clear();
        }
    }

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
                var handled = _inFlight.TryGetValue(partition, out var first) ? Math.Min(position.Value, first + 1) : position.Value;
                measurements.Add(new Measurement<long>(Math.Max(0, watermarks.High.Value - handled),
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
