using System.Diagnostics;
using Chat.Contracts;

namespace Chat.ServiceDefaults.Eventing;

/// <summary>An event ready to be sent: already JSON, keyed, with the trace context of the code that raised it.</summary>
public sealed record OutgoingEvent(
    EventDescriptor Descriptor,
    Guid EventId,
    string Key,
    string PayloadJson,
    IReadOnlyDictionary<string, string> TraceContext)
{
    public string Topic => Descriptor.Topic;

    /// <summary>The stable name carried in the <c>event-type</c> header and the outbox (the record's name, the schema's title).</summary>
    public string EventType => Descriptor.EventType.Name;

    /// <summary>Describes <paramref name="event"/> from the contracts' catalog and captures the current activity as its trace parent.</summary>
    public static OutgoingEvent Create(IntegrationEvent @event)
    {
        var descriptor = EventCatalog.For(@event.GetType());
        return new OutgoingEvent(
            descriptor,
            @event.EventId,
            descriptor.KeyOf(@event),
            EventJson.Serialize(@event),
            KafkaTraceContext.Capture(Activity.Current));
    }
}
