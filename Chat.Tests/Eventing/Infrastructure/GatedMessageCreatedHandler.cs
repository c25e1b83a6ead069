using Chat.Contracts.Events;
using Chat.ServiceDefaults.Eventing.Consumers;

namespace Chat.Tests.Eventing.Infrastructure;

/// <summary>Handles a MessageCreated only when the test lets one through, so a backlog or an in-flight message can be held.</summary>
public sealed class GatedMessageCreatedHandler(HandlerGate gate) : IIntegrationEventHandler<MessageCreated>
{
    public async Task HandleAsync(MessageCreated @event, EventContext context, CancellationToken cancellationToken)
    {
        gate.Entered.Release();
        await gate.Release.WaitAsync(cancellationToken);
    }
}
