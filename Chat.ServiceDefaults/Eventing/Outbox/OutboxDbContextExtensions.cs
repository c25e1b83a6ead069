using Chat.Contracts;
using Chat.ServiceDefaults.Eventing;
using Chat.ServiceDefaults.Eventing.Outbox;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Microsoft.EntityFrameworkCore;

public static class OutboxDbContextExtensions
{
    /// <summary>
    /// Adds <paramref name="event"/> to the outbox of this context: it is stored by the same <c>SaveChanges</c>
    /// (and so the same transaction) as the state change that raised it, and shipped by the outbox publisher.
    /// The payload is checked against the event's schema here, so an invalid event fails the caller at once.
    /// </summary>
    /// <exception cref="EventSchemaViolationException">The event does not satisfy its contract's schema.</exception>
    public static OutboxMessage AddIntegrationEvent(this DbContext context, IntegrationEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var outgoing = OutgoingEvent.Create(@event);
        context.GetService<EventSchemaValidator>().Validate(outgoing.Descriptor, outgoing.PayloadJson);

        var message = new OutboxMessage
        {
            EventId = outgoing.EventId,
            Topic = outgoing.Topic,
            Key = outgoing.Key,
            EventType = outgoing.EventType,
            Payload = outgoing.PayloadJson,
            Headers = System.Text.Json.JsonSerializer.Serialize(outgoing.TraceContext),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        context.Set<OutboxMessage>().Add(message);
        return message;
    }
}
