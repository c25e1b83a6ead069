namespace Chat.ServiceDefaults.Eventing;

/// <summary>An event payload does not satisfy its JSON Schema, so it is refused rather than published.</summary>
public sealed class EventSchemaViolationException(string eventType, string topic, string detail, Exception? inner = null)
    : Exception($"Event '{eventType}' for topic '{topic}' violates its JSON Schema: {detail}", inner)
{
    public string EventType { get; } = eventType;
    public string Topic { get; } = topic;
}
