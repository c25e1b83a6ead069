namespace Chat.Contracts;

/// <summary>Everything a producer or consumer needs to know about one event type.</summary>
public sealed class EventDescriptor
{
    private readonly Func<IntegrationEvent, string> keySelector;

    internal EventDescriptor(Type eventType, string topic, Func<IntegrationEvent, string> keySelector, IReadOnlyList<string> schemaVersions)
    {
        EventType = eventType;
        Topic = topic;
        this.keySelector = keySelector;
        SchemaVersions = schemaVersions;
    }

    public Type EventType { get; }

    public string Topic { get; }

    /// <summary>The Schema Registry subject, by Confluent's default TopicNameStrategy: <c>&lt;topic&gt;-value</c>.</summary>
    public string Subject => Topic + "-value";

    /// <summary>Every JSON Schema of the event, oldest first: index 0 is version 1.</summary>
    public IReadOnlyList<string> SchemaVersions { get; }

    public int CurrentVersion => SchemaVersions.Count;

    public string CurrentSchema => SchemaVersions[^1];

    /// <summary>The Kafka message key: the id whose events must stay in order (conversationId or userId).</summary>
    public string KeyOf(IntegrationEvent integrationEvent) =>
        integrationEvent.GetType() == EventType
            ? keySelector(integrationEvent)
            : throw new ArgumentException($"Expected a {EventType.Name}, got a {integrationEvent.GetType().Name}.", nameof(integrationEvent));
}
