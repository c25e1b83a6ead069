using System.Diagnostics;

namespace Chat.ServiceDefaults.Eventing.Consumers;

/// <summary>A deserialized event on its way to its handler, with the span its handling runs under (null: none of its own).</summary>
public sealed record DispatchedEvent(
    EventHandlerRegistration Registration, Chat.Contracts.IntegrationEvent Event, EventContext Context, Func<Activity?> StartActivity)
{
    public static DispatchedEvent WithoutSpan(EventHandlerRegistration registration, Chat.Contracts.IntegrationEvent @event, EventContext context) =>
        new(registration, @event, context, static () => null);
}
