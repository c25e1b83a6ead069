using System.Diagnostics;
using System.Text;
using Chat.Contracts;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Chat.ServiceDefaults.Eventing;

/// <summary>
/// Publishes integration events to Kafka: schema-validated values from the registry serializer, the key of the
/// event's contract, <c>event-type</c>/<c>event-id</c> headers and W3C trace context, under a producer span
/// that follows the OpenTelemetry messaging conventions. One idempotent, acks=all producer per process.
/// </summary>
public sealed partial class IntegrationEventProducer : IDisposable
{
    private readonly IProducer<string, byte[]> _producer;
    private readonly IEventPayloadSerializer _serializer;
    private readonly EventingMetrics _metrics;
    private readonly ILogger<IntegrationEventProducer> _logger;

    public IntegrationEventProducer(
        KafkaClientConfigs configs, IEventPayloadSerializer serializer, 
        EventingMetrics metrics, ILogger<IntegrationEventProducer> logger)
    {
        _serializer = serializer;
        _metrics = metrics;
        _logger = logger;
        _producer = new ProducerBuilder<string, byte[]>(configs.Producer())
            .SetErrorHandler((_, error) => LogKafkaError(error.Code, error.Reason, error.IsFatal))
            .LogTo(logger)
            .Build();
    }

    /// <summary>Sends one event and completes when Kafka acknowledged it.</summary>
    /// <exception cref="EventSchemaViolationException">The event does not satisfy its schema; nothing was sent.</exception>
    public async Task<DeliveryResult<string, byte[]>> PublishAsync<TEvent>(TEvent @event, CancellationToken cancellationToken)
        where TEvent : IntegrationEvent
    {
        var prepared = await PrepareAsync(OutgoingEvent.Create(@event), cancellationToken);
        return await SendAsync(prepared, cancellationToken);
    }

    /// <summary>Validates and frames the payload (may ask the registry on first use of a subject).</summary>
    public async Task<PreparedEvent> PrepareAsync(OutgoingEvent @event, CancellationToken cancellationToken) =>
        new(@event, await _serializer.SerializeAsync(@event.Descriptor, @event.PayloadJson, cancellationToken));

    /// <summary>
    /// Hands the event to the producer before returning (so events sent one after another keep their order
    /// within a partition) and completes on its delivery report.
    /// </summary>
    public Task<DeliveryResult<string, byte[]>> SendAsync(PreparedEvent prepared, CancellationToken cancellationToken)
    {
        var @event = prepared.Event;
        var activity = KafkaActivities.StartSend(@event);
        var headers = new Headers
        {
            { EventHeaders.EventType, Encoding.UTF8.GetBytes(@event.EventType) },
            { EventHeaders.EventId, Encoding.UTF8.GetBytes(@event.EventId.ToString()) },
        };
        if (activity is not null)
        {
            KafkaTraceContext.Inject(activity, headers);
        }
        else
        {
            // Nobody listens to our spans: pass the captured context on unchanged so the trace still connects.
            foreach (var (name, value) in @event.TraceContext)
            {
                headers.Add(name, Encoding.UTF8.GetBytes(value));
            }
        }

        try
        {
            var delivery = _producer.ProduceAsync(@event.Topic,
                new Message<string, byte[]> { Key = @event.Key, Value = prepared.Value, Headers = headers }, cancellationToken);
            return AwaitDeliveryAsync(delivery, @event, activity);
        }
        catch (Exception exception)
        {
            KafkaActivities.Fail(activity, exception);
            activity?.Dispose();
            throw;
        }
    }

    private async Task<DeliveryResult<string, byte[]>> AwaitDeliveryAsync(
        Task<DeliveryResult<string, byte[]>> delivery, OutgoingEvent @event, Activity? activity)
    {
        try
        {
            var result = await delivery;
            activity?.SetTag(EventingTelemetry.DestinationPartition, result.Partition.Value.ToString());
            activity?.SetTag(EventingTelemetry.KafkaOffset, result.Offset.Value);
            _metrics.Sent.Add(1, new KeyValuePair<string, object?>(EventingTelemetry.DestinationName, @event.Topic));
            return result;
        }
        catch (Exception exception)
        {
            KafkaActivities.Fail(activity, exception);
            throw;
        }
        finally
        {
            activity?.Dispose();
        }
    }

    public void Dispose()
    {
        // Give queued events a moment to leave; the outbox re-sends whatever was not acknowledged.
        _producer.Flush(TimeSpan.FromSeconds(5));
        _producer.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka producer error {Code}: {Reason} (fatal: {IsFatal})")]
    private partial void LogKafkaError(ErrorCode code, string reason, bool isFatal);
}
