namespace Chat.ServiceDefaults.Eventing;

/// <summary>Kafka header names our events carry besides the W3C trace context (<c>traceparent</c>, <c>tracestate</c>).</summary>
public static class EventHeaders
{
    public const string EventType = "event-type";
    public const string EventId = "event-id";

    /// <summary>Why a message was dead-lettered: the exception message of the last failure.</summary>
    public const string DeadLetterError = "dlq-error";
    public const string DeadLetterExceptionType = "dlq-exception-type";
    public const string DeadLetterOriginalTopic = "dlq-original-topic";
    public const string DeadLetterOriginalPartition = "dlq-original-partition";
    public const string DeadLetterOriginalOffset = "dlq-original-offset";
    public const string DeadLetterConsumerGroup = "dlq-consumer-group";
    public const string DeadLetterAttempts = "dlq-attempts";
}
