using Chat.Contracts.Events;
using Chat.ServiceDefaults.Eventing.Consumers;

namespace Chat.Tests.Eventing.Infrastructure;

/// <summary>
/// Stores each handled MessageCreated as a row, inside the consumer's inbox transaction. Content starting with
/// <see cref="FailMarker"/> makes it fail after writing, to prove a failed attempt leaves nothing behind.
/// </summary>
public sealed class RecordingMessageCreatedHandler(EventingTestDbContext database) : IIntegrationEventHandler<MessageCreated>
{
    public const string FailMarker = "fail:";

    public async Task HandleAsync(MessageCreated @event, EventContext context, CancellationToken cancellationToken)
    {
        database.HandledMessages.Add(new HandledMessage
        {
            EventId = @event.EventId,
            ConversationId = @event.ConversationId,
            Content = @event.Content,
        });
        await database.SaveChangesAsync(cancellationToken);
        if (@event.Content.StartsWith(FailMarker, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Handler refused attempt {context.Attempt}");
        }
    }
}
