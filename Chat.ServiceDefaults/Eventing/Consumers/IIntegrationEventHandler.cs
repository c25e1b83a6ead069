using Chat.Contracts;

namespace Chat.ServiceDefaults.Eventing.Consumers;

/// <summary>
/// Handles one event type for a consumer group. Resolved from a fresh DI scope per message; with an inbox, the
/// scope's DbContext is already inside the transaction that also records the event id, so the handler's own
/// changes and the "processed" mark commit together and a redelivered event is skipped.
/// Throwing makes the consumer retry with backoff, then dead-letter the message.
/// </summary>
public interface IIntegrationEventHandler<in TEvent> where TEvent : IntegrationEvent
{
    Task HandleAsync(TEvent @event, EventContext context, CancellationToken cancellationToken);
}
