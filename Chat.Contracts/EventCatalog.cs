using Chat.Contracts.Events;

namespace Chat.Contracts;

/// <summary>
/// The one table of events: type → topic, key, JSON Schemas. Schemas are the embedded files
/// <c>Events/Schemas/&lt;topic&gt;.v&lt;n&gt;.json</c>, loaded once; adding a version is adding a file.
/// </summary>
public static class EventCatalog
{
    private static readonly Dictionary<Type, EventDescriptor> ByType = new[]
    {
        Describe<MessageCreated>(Topics.MessageCreated, e => e.ConversationId),
        Describe<MessageUpdated>(Topics.MessageUpdated, e => e.ConversationId),
        Describe<MessageDeleted>(Topics.MessageDeleted, e => e.ConversationId),
        Describe<MessageReacted>(Topics.MessageReacted, e => e.ConversationId),
        Describe<ConversationChanged>(Topics.ConversationChanged, e => e.ConversationId),
        Describe<PresenceUpdated>(Topics.PresenceUpdated, e => e.UserId),
        Describe<UserRegistered>(Topics.UserRegistered, e => e.UserId),
        Describe<NotificationCreated>(Topics.NotificationCreated, e => e.UserId),
    }.ToDictionary(descriptor => descriptor.EventType);

    private static readonly Dictionary<string, EventDescriptor> ByTopic =
        ByType.Values.ToDictionary(descriptor => descriptor.Topic, StringComparer.Ordinal);

    public static IReadOnlyCollection<EventDescriptor> All => ByType.Values;

    public static EventDescriptor For<TEvent>() where TEvent : IntegrationEvent => For(typeof(TEvent));

    public static EventDescriptor For(Type eventType) =>
        ByType.TryGetValue(eventType, out var descriptor)
            ? descriptor
            : throw new ArgumentException($"{eventType.Name} is not an event of the catalog.", nameof(eventType));

    /// <summary>The event type a topic carries (each topic carries exactly one).</summary>
    public static EventDescriptor ForTopic(string topic) =>
        ByTopic.TryGetValue(topic, out var descriptor)
            ? descriptor
            : throw new ArgumentException($"No event is published on topic '{topic}'.", nameof(topic));

    private static EventDescriptor Describe<TEvent>(string topic, Func<TEvent, Guid> key) where TEvent : IntegrationEvent =>
        new(typeof(TEvent), topic, integrationEvent => key((TEvent)integrationEvent).ToString(), LoadSchemas(topic));

    private static List<string> LoadSchemas(string topic)
    {
        var assembly = typeof(EventCatalog).Assembly;
        var versions = new List<string>();
        for (var version = 1; assembly.GetManifestResourceStream($"schemas/{topic}.v{version}.json") is { } stream; version++)
        {
            using var reader = new StreamReader(stream);
            versions.Add(reader.ReadToEnd());
        }

        return versions.Count > 0 ? versions : throw new InvalidOperationException($"No embedded schema for topic '{topic}'.");
    }
}
