using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Chat.Contracts;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Chat.ServiceDefaults.Eventing.Consumers;

/// <summary>
/// Takes one consumed message to a final outcome: handled (or skipped as a duplicate), or dead-lettered because it
/// is poison or its handler kept failing. Only when this completes does the consumer commit the offset.
/// </summary>
public sealed partial class EventProcessor(
    EventConsumerDefinition definition, EventDispatcher dispatcher, IEventPayloadSerializer serializer,
    DeadLetterPublisher deadLetters, EventConsumerOptions options, EventingMetrics metrics, ILogger<EventProcessor> logger)
{
    public async Task ProcessAsync(ConsumeResult<byte[]?, byte[]?> result, CancellationToken cancellationToken)
    {
        using var activity = KafkaActivities.StartProcess(result, definition.GroupId);
        if (!definition.HandlersByTopic.TryGetValue(result.Topic, out var registration))
        {
            await DeadLetterAsync(result, new PoisonMessageException($"No handler for topic '{result.Topic}'"), 0, activity, cancellationToken);
            return;
        }

        IntegrationEvent @event;
        try
        {
            @event = await DeserializeAsync(registration.Descriptor, result, cancellationToken);
        }
        catch (PoisonMessageException poison)
        {
            await DeadLetterAsync(result, poison, 0, activity, cancellationToken);
            return;
        }
        activity?.SetTag(EventingTelemetry.MessageId, @event.EventId.ToString());

        for (var attempt = 1; ; attempt++)
        {
            var context = new EventContext(definition.GroupId, result.Topic, result.Partition.Value, result.Offset.Value,
                result.Message.Key is { } key ? Encoding.UTF8.GetString(key) : null, attempt);
            try
            {
                var handled = await dispatcher.DispatchAsync(registration, @event, context, cancellationToken);
                if (!handled)
                {
                    LogDuplicate(@event.EventId, result.Topic, definition.GroupId);
                }
                metrics.Consumed.Add(1, new KeyValuePair<string, object?>(EventingTelemetry.DestinationName, result.Topic));
                return;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                if (attempt >= options.MaxAttempts)
                {
                    LogGivingUp(exception, @event.EventId, result.Topic, attempt);
                    await DeadLetterAsync(result, exception, attempt, activity, cancellationToken);
                    return;
                }
                var delay = options.Backoff(attempt);
                LogRetrying(exception, @event.EventId, result.Topic, attempt, delay);
                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    /// <summary>Poison is reported at once; anything else (registry unreachable) is retried, it is not the message's fault.</summary>
    private async Task<IntegrationEvent> DeserializeAsync(
        EventDescriptor descriptor, ConsumeResult<byte[]?, byte[]?> result, CancellationToken cancellationToken)
    {
        if (result.Message.Headers?.TryGetLastBytes(EventHeaders.EventType, out var typeBytes) == true
            && Encoding.UTF8.GetString(typeBytes) is var eventType && eventType != descriptor.EventType.Name)
        {
            throw new PoisonMessageException($"Topic '{result.Topic}' carries '{descriptor.EventType.Name}', the message says '{eventType}'");
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var json = await serializer.DeserializeAsync(descriptor, result.Message.Value ?? [], result.Message.Headers ?? [], cancellationToken);
                return (IntegrationEvent?)JsonSerializer.Deserialize(json, descriptor.EventType, EventJson.Options)
                    ?? throw new PoisonMessageException($"Message on '{result.Topic}' is JSON null");
            }
            catch (JsonException exception)
            {
                throw new PoisonMessageException($"Message on '{result.Topic}' does not map to {descriptor.EventType.Name}: {exception.Message}", exception);
            }
            catch (Exception exception) when (exception is not PoisonMessageException && !cancellationToken.IsCancellationRequested)
            {
                var delay = options.Backoff(attempt);
                LogDeserializeRetry(exception, result.Topic, delay);
                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    private async Task DeadLetterAsync(
        ConsumeResult<byte[]?, byte[]?> result, Exception error, int attempts, Activity? activity, CancellationToken cancellationToken)
    {
        KafkaActivities.Fail(activity, error);
        await deadLetters.PublishAsync(result, definition.GroupId, error, attempts, cancellationToken);
        LogDeadLettered(result.Topic, result.Partition.Value, result.Offset.Value, definition.GroupId, error.Message);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event {EventId} on {Topic} was already processed by {ConsumerGroup}; skipped")]
    private partial void LogDuplicate(Guid eventId, string topic, string consumerGroup);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handling event {EventId} on {Topic} failed (attempt {Attempt}); retrying in {Delay}")]
    private partial void LogRetrying(Exception exception, Guid eventId, string topic, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling event {EventId} on {Topic} failed {Attempts} times; dead-lettering it")]
    private partial void LogGivingUp(Exception exception, Guid eventId, string topic, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot read a message on {Topic} right now; retrying in {Delay}")]
    private partial void LogDeserializeRetry(Exception exception, string topic, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {Topic}[{Partition}]@{Offset} of {ConsumerGroup} dead-lettered: {Reason}")]
    private partial void LogDeadLettered(string topic, int partition, long offset, string consumerGroup, string reason);
}
