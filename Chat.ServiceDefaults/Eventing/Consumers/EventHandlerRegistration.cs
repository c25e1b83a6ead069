using Chat.Contracts;

namespace Chat.ServiceDefaults.Eventing.Consumers;

/// <summary>The handler of one topic's event in a consumer group, with the typed call captured at registration.</summary>
public sealed record EventHandlerRegistration(
    EventDescriptor Descriptor,
    Func<IServiceProvider, IntegrationEvent, EventContext, CancellationToken, Task> Invoke);
