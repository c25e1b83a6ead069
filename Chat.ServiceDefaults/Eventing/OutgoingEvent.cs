using System.Diagnostics;
using System.Text.Json;

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

    /// <summary>Describes <paramref name="event"/> with the catalog and captures the current activity as its trace parent.</summary>
    public static OutgoingEvent Create(EventCatalog catalog, object @event)
    {
        var descriptor = catalog.Get(@event.GetType());
        return new OutgoingEvent(
            descriptor,
            descriptor.EventIdSelector(@event),
            descriptor.KeySelector(@event),
            JsonSerializer.Serialize(@event, descriptor.ClrType, EventCatalog.PayloadJson),
            KafkaTraceContext.Capture(Activity.Current));
    }
}
