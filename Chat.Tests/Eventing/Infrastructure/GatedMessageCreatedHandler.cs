using Chat.Contracts.Events;
using Chat.ServiceDefaults.Eventing.Consumers;

namespace Chat.Tests.Eventing.Infrastructure;

/// <summary>Handles a MessageCreated only when the test lets one through, so a backlog can be held in place.</summary>
public sealed class GatedMessageCreatedHandler(SemaphoreSlim gate) : IIntegrationEventHandler<MessageCreated>
{
    public Task HandleAsync(MessageCreated @event, EventContext context, CancellationToken cancellationToken) =>
        gate.WaitAsync(cancellationToken);
}
