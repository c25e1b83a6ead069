using System.Globalization;
using System.Text;
using Chat.Contracts;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Chat.ServiceDefaults.Eventing.Consumers;

/// <summary>
/// Parks a message on <c>&lt;topic&gt;.dlq</c> exactly as it arrived (key, value and headers byte-for-byte)
/// plus headers saying why, so it can be inspected and replayed while the partition moves on.
/// </summary>
public sealed class DeadLetterPublisher(KafkaClientConfigs configs, EventingMetrics metrics, ILogger<DeadLetterPublisher> logger) : IDisposable
{
    private const int MaxErrorLength = 2_000;
    private readonly Lazy<IProducer<byte[]?, byte[]?>> _producer = new(() =>
        new ProducerBuilder<byte[]?, byte[]?>(configs.Producer()).LogTo(logger).Build());

    public async Task PublishAsync(
        ConsumeResult<byte[]?, byte[]?> result, string consumerGroup, Exception error, int attempts, CancellationToken cancellationToken)
    {
        var headers = new Headers();
        foreach (var header in result.Message.Headers ?? [])
        {
            headers.Add(header.Key, header.GetValueBytes());
        }
        var reason = error.Message.Length <= MaxErrorLength ? error.Message : error.Message[..MaxErrorLength];
        Add(headers, EventHeaders.DeadLetterError, reason);
        Add(headers, EventHeaders.DeadLetterExceptionType, error.GetType().FullName ?? error.GetType().Name);
        Add(headers, EventHeaders.DeadLetterOriginalTopic, result.Topic);
        Add(headers, EventHeaders.DeadLetterOriginalPartition, result.Partition.Value.ToString(CultureInfo.InvariantCulture));
        Add(headers, EventHeaders.DeadLetterOriginalOffset, result.Offset.Value.ToString(CultureInfo.InvariantCulture));
        Add(headers, EventHeaders.DeadLetterConsumerGroup, consumerGroup);
        Add(headers, EventHeaders.DeadLetterAttempts, attempts.ToString(CultureInfo.InvariantCulture));

        var deadLetterTopic = result.Topic + Topics.DeadLetterSuffix;
        await _producer.Value.ProduceAsync(deadLetterTopic,
            new Message<byte[]?, byte[]?> { Key = result.Message.Key, Value = result.Message.Value, Headers = headers }, cancellationToken);
        metrics.DeadLettered.Add(1, new KeyValuePair<string, object?>(EventingTelemetry.DestinationName, result.Topic));
    }

    private static void Add(Headers headers, string name, string value) => headers.Add(name, Encoding.UTF8.GetBytes(value));

    public void Dispose()
    {
        if (_producer.IsValueCreated)
        {
            _producer.Value.Flush(TimeSpan.FromSeconds(5));
            _producer.Value.Dispose();
        }
    }
}
