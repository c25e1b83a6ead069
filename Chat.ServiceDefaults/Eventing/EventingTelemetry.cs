using System.Diagnostics;

namespace Chat.ServiceDefaults.Eventing;

/// <summary>
/// The activity source and meter name of the event backbone, and the OpenTelemetry messaging
/// semantic-convention attribute names its spans carry.
/// </summary>
public static class EventingTelemetry
{
    public const string Name = "Chat.Eventing";

    public static ActivitySource ActivitySource { get; } = new(Name);

    public const string MessagingSystem = "messaging.system";
    public const string DestinationName = "messaging.destination.name";
    public const string DestinationPartition = "messaging.destination.partition.id";
    public const string OperationType = "messaging.operation.type";
    public const string OperationName = "messaging.operation.name";
    public const string MessageId = "messaging.message.id";
    public const string ConsumerGroup = "messaging.consumer.group.name";
    public const string KafkaMessageKey = "messaging.kafka.message.key";
    public const string KafkaOffset = "messaging.kafka.offset";
    public const string EventType = "chat.event.type";
    public const string ErrorType = "error.type";
}
