using System.Diagnostics;
using System.Text;
using Confluent.Kafka;

namespace Chat.ServiceDefaults.Eventing;

/// <summary>
/// The producer and consumer spans of Kafka traffic, named and tagged after OpenTelemetry's messaging
/// conventions (<c>send &lt;topic&gt;</c>, <c>process &lt;topic&gt;</c>), so every service's Kafka spans look alike.
/// </summary>
public static class KafkaActivities
{
    /// <summary>
    /// A producer span for an event. The context captured where the event was raised wins over the current one:
    /// an outbox row is sent long after its request ended, and its trace goes on from that request.
    /// </summary>
    public static Activity? StartSend(OutgoingEvent @event)
    {
        var captured = KafkaTraceContext.Extract(@event.TraceContext);
        var parent = captured != default ? captured : Activity.Current?.Context ?? default;
        var activity = EventingTelemetry.ActivitySource.StartActivity($"send {@event.Topic}", ActivityKind.Producer, parent);
        if (activity is { IsAllDataRequested: true })
        {
            SetCommonTags(activity, "send", @event.Topic);
            activity.SetTag(EventingTelemetry.KafkaMessageKey, @event.Key);
            activity.SetTag(EventingTelemetry.MessageId, @event.EventId.ToString());
            activity.SetTag(EventingTelemetry.EventType, @event.EventType);
        }
        return activity;
    }

    /// <summary>A consumer span for a consumed message, continuing the trace its headers carry.</summary>
    public static Activity? StartProcess(ConsumeResult<byte[]?, byte[]?> result, string consumerGroup)
    {
        var parent = KafkaTraceContext.Extract(result.Message.Headers);
        var activity = EventingTelemetry.ActivitySource.StartActivity($"process {result.Topic}", ActivityKind.Consumer, parent);
        if (activity is { IsAllDataRequested: true })
        {
            SetCommonTags(activity, "process", result.Topic);
            activity.SetTag(EventingTelemetry.DestinationPartition, result.Partition.Value.ToString());
            activity.SetTag(EventingTelemetry.KafkaOffset, result.Offset.Value);
            activity.SetTag(EventingTelemetry.ConsumerGroup, consumerGroup);
            if (result.Message.Key is { } key)
            {
                activity.SetTag(EventingTelemetry.KafkaMessageKey, Encoding.UTF8.GetString(key));
            }
        }
        return activity;
    }

    public static void Fail(Activity? activity, Exception exception)
    {
        activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
        activity?.SetTag(EventingTelemetry.ErrorType, exception.GetType().FullName);
    }

    private static void SetCommonTags(Activity activity, string operation, string topic)
    {
        activity.SetTag(EventingTelemetry.MessagingSystem, "kafka");
        activity.SetTag(EventingTelemetry.OperationType, operation);
        activity.SetTag(EventingTelemetry.OperationName, operation);
        activity.SetTag(EventingTelemetry.DestinationName, topic);
    }
}
