using Chat.Contracts.Events;
using Chat.ServiceDefaults.Eventing.Consumers;
using Microsoft.EntityFrameworkCore;

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
            TransactionId = await database.Database.SqlQuery<long>($"SELECT txid_current() AS \"Value\"").SingleAsync(cancellationToken),
        });
        await database.SaveChangesAsync(cancellationToken);
        if (@event.Content.StartsWith(FailMarker, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Handler refused attempt {context.Attempt}");
        }
    }
}
