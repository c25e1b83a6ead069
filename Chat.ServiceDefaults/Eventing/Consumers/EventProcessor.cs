using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Chat.Contracts;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Chat.ServiceDefaults.Eventing.Consumers;

/// <summary>
/// Takes consumed messages to a final outcome: handled (or skipped as a duplicate), or dead-lettered because it
/// is poison or its handler kept failing. Only then does the consumer store their offsets.
/// <para>
/// What the consumer took in one go is first handled as one batch (<see cref="EventDispatcher"/>: one transaction).
/// Anything unusual — a message that does not deserialize at once, a handler that throws — sends the batch down
/// the one-message-at-a-time path instead, which rolls nothing of the batch forward: each message gets its own
/// transaction, retries, and dead-lettering, exactly as if it had come alone.
/// </para>
/// </summary>
public sealed partial class EventProcessor(
    EventConsumerDefinition definition, EventDispatcher dispatcher, IEventPayloadSerializer serializer,
    DeadLetterPublisher deadLetters, EventConsumerOptions options, EventingMetrics metrics, ILogger<EventProcessor> logger)
{
    /// <summary>
    /// How many of <paramref name="results"/>, from the first, reached their outcome; fewer than all when one could
    /// not (e.g. the dead-letter topic is unreachable, or shutdown cancelled it): it and those after it must be read again.
    /// </summary>
    public async Task<int> ProcessAsync(IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> results, CancellationToken cancellationToken)
    {
        if (results.Count > 1 && await TryProcessTogetherAsync(results, cancellationToken))
        {
            return results.Count;
        }
        for (var i = 0; i < results.Count; i++)
        {
            try
            {
                await ProcessAsync(results[i], cancellationToken);
            }
            catch (Exception exception)
            {
                LogProcessFailed(exception, results[i].Topic, results[i].Partition.Value, results[i].Offset.Value);
                return i;
            }
        }
        return results.Count;
    }

    /// <summary>True when every message was handled in one transaction; false (nothing done) sends them one by one.</summary>
    private async Task<bool> TryProcessTogetherAsync(IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> results, CancellationToken cancellationToken)
    {
        var events = new List<DispatchedEvent>(results.Count);
        foreach (var result in results)
        {
            if (!definition.HandlersByTopic.TryGetValue(result.Topic, out var registration))
            {
                return false;
            }
            IntegrationEvent @event;
            try
            {
                @event = await DeserializeOnceAsync(registration.Descriptor, result, cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                return false; // the one-by-one path dead-letters poison and retries the rest
            }
            events.Add(new DispatchedEvent(registration, @event, ContextOf(result, attempt: 1), () => StartProcess(result, @event)));
        }

        bool[] handled;
        try
        {
            handled = await dispatcher.DispatchAsync(events, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogBatchFailed(exception, results.Count, definition.GroupId);
            return false;
        }
        for (var i = 0; i < events.Count; i++)
        {
            Completed(events[i].Event, results[i].Topic, handled[i]);
        }
        return true;
    }

    private Activity? StartProcess(ConsumeResult<byte[]?, byte[]?> result, IntegrationEvent @event)
    {
        var activity = KafkaActivities.StartProcess(result, definition.GroupId);
        activity?.SetTag(EventingTelemetry.MessageId, @event.EventId.ToString());
        return activity;
    }

    private EventContext ContextOf(ConsumeResult<byte[]?, byte[]?> result, int attempt) =>
        new(definition.GroupId, result.Topic, result.Partition.Value, result.Offset.Value,
            result.Message.Key is { } key ? Encoding.UTF8.GetString(key) : null, attempt);

    private void Completed(IntegrationEvent @event, string topic, bool handled)
    {
        if (!handled)
        {
            LogDuplicate(@event.EventId, topic, definition.GroupId);
        }
        metrics.Consumed.Add(1, new KeyValuePair<string, object?>(EventingTelemetry.DestinationName, topic));
    }

    /// <summary>One message on its own: its own transaction, retries with backoff, then the dead-letter topic.</summary>
    private async Task ProcessAsync(ConsumeResult<byte[]?, byte[]?> result, CancellationToken cancellationToken)
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
            try
            {
                var handled = await dispatcher.DispatchAsync(registration, @event, ContextOf(result, attempt), cancellationToken);
                Completed(@event, result.Topic, handled);
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
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DeserializeOnceAsync(descriptor, result, cancellationToken);
            }
            catch (Exception exception) when (exception is not PoisonMessageException && !cancellationToken.IsCancellationRequested)
            {
                var delay = options.Backoff(attempt);
                LogDeserializeRetry(exception, result.Topic, delay);
                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    private async Task<IntegrationEvent> DeserializeOnceAsync(
        EventDescriptor descriptor, ConsumeResult<byte[]?, byte[]?> result, CancellationToken cancellationToken)
    {
        if (result.Message.Headers?.TryGetLastBytes(EventHeaders.EventType, out var typeBytes) == true
            && Encoding.UTF8.GetString(typeBytes) is var eventType && eventType != descriptor.EventType.Name)
        {
            throw new PoisonMessageException($"Topic '{result.Topic}' carries '{descriptor.EventType.Name}', the message says '{eventType}'");
        }
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
    }

    private async Task DeadLetterAsync(
        ConsumeResult<byte[]?, byte[]?> result, Exception error, int attempts, Activity? activity, CancellationToken cancellationToken)
    {
        KafkaActivities.Fail(activity, error);
        await deadLetters.PublishAsync(result, definition.GroupId, error, attempts, cancellationToken);
        LogDeadLettered(result.Topic, result.Partition.Value, result.Offset.Value, definition.GroupId, error.Message);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} messages of {ConsumerGroup} failed; handling them one by one")]
    private partial void LogBatchFailed(Exception exception, int count, string consumerGroup);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {Topic}[{Partition}]@{Offset} could not be processed; it will be read again")]
    private partial void LogProcessFailed(Exception exception, string topic, int partition, long offset);

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
