using System.Text.Json;

namespace Chat.ServiceDefaults.Eventing;

/// <summary>The integration events this process knows, by CLR type, by event-type name and by topic.</summary>
public sealed class EventCatalog
{
    private readonly Dictionary<Type, EventDescriptor> _byType = [];
    private readonly Dictionary<string, EventDescriptor> _byName = new(StringComparer.Ordinal);

    public EventCatalog(IEnumerable<EventDescriptor> descriptors)
    {
        foreach (var descriptor in descriptors)
        {
            // Later registrations win, so a test or a service may refine a contract's descriptor.
            _byType[descriptor.ClrType] = descriptor;
            _byName[descriptor.EventType] = descriptor;
        }
    }

    /// <summary>How event payloads are written to JSON: camelCase, as the contracts' schemas describe them.</summary>
    public static JsonSerializerOptions PayloadJson { get; } = new(JsonSerializerDefaults.Web);

    public IEnumerable<EventDescriptor> All => _byName.Values;

    public EventDescriptor Get(Type eventType) =>
        _byType.TryGetValue(eventType, out var descriptor)
            ? descriptor
            : throw new InvalidOperationException($"'{eventType.FullName}' is not a known integration event: add it to the event catalog.");

    public bool TryGet(string eventType, out EventDescriptor descriptor) => _byName.TryGetValue(eventType, out descriptor!);

    /// <summary>The events published on a topic; the first is the topic's event when a message carries no event-type header.</summary>
    public IReadOnlyList<EventDescriptor> ForTopic(string topic) => [.. _byName.Values.Where(d => d.Topic == topic)];
}
