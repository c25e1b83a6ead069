using Chat.Contracts.Events;
using Chat.ServiceDefaults.Eventing.Consumers;

namespace Chat.Tests.Eventing.Infrastructure;

/// <summary>Stores each handled MessageCreated as a row, inside the consumer's inbox transaction.</summary>
public sealed class RecordingMessageCreatedHandler(EventingTestDbContext database) : IIntegrationEventHandler<MessageCreated>
{
    public Task HandleAsync(MessageCreated @event, EventContext context, CancellationToken cancellationToken)
    {
        database.HandledMessages.Add(new HandledMessage
        {
            EventId = @event.EventId,
            ConversationId = @event.ConversationId,
            Content = @event.Content,
        });
        return Task.CompletedTask;
    }
}
