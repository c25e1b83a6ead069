using Chat.Contracts.Events;
using Chat.Notifications.Data;
using Chat.Notifications.Domain;
using Chat.ServiceDefaults.Eventing.Consumers;
using Microsoft.EntityFrameworkCore;

namespace Chat.Notifications.IntegrationEvents;

/// <summary>
/// One notification per participant except the sender, the most specific that applies: MENTION for members the
/// message mentions, REPLY for the thread's author and earlier repliers, NEW_MESSAGE for the rest — except members
/// who had the conversation muted, who are only reached by mentions and replies.
/// </summary>
public sealed class MessageCreatedHandler(NotificationDbContext db, NotificationFactory notifications, MessageDeletions deletions)
    : IIntegrationEventHandler<MessageCreated>
{
    public async Task HandleAsync(MessageCreated @event, EventContext context, CancellationToken cancellationToken)
    {
        // Read after its deletion (no order between topics): its text must never be pushed.
        if (await deletions.WasDeletedAsync(@event.MessageId, cancellationToken))
        {
            return;
        }

        // The event names the participants at send time; the projection is the fallback for producers that don't.
        IEnumerable<Guid> participants = @event.ParticipantIds.Count > 0
            ? @event.ParticipantIds
            : await db.ConversationMembers.Where(m => m.ConversationId == @event.ConversationId).Select(m => m.UserId)
                .ToListAsync(cancellationToken);
        var recipients = participants.Where(id => id != @event.SenderId).Distinct().ToList();
        if (recipients.Count == 0)
        {
            return;
        }

        // A sender whose user.registered has not been read yet (another topic, no cross-topic order) stays unnamed.
        var sender = await notifications.UsernameOfAsync(@event.SenderId, cancellationToken);
        var preview = MessagePreview.From(@event.Content);
        var data = new { @event.ConversationId, @event.MessageId, @event.SenderId, @event.ReplyToId };
        await notifications.CreateAsync(
            Audience(@event, recipients).Select(r => new Recipient(r.UserId, r.Type, Title(r.Type, sender))),
            preview, data, @event.EventId, @event.OccurredAt, cancellationToken, messageId: @event.MessageId);
    }

    /// <summary>Each recipient once, under the first type that applies to them; muted members only for mentions and replies.</summary>
    private static IEnumerable<(Guid UserId, string Type)> Audience(MessageCreated @event, List<Guid> recipients)
    {
        var mentioned = (@event.MentionedUserIds ?? []).ToHashSet();
        var inThread = (@event.ThreadParticipantIds ?? []).ToHashSet();
        var muted = (@event.MutedUserIds ?? []).ToHashSet();
        return recipients
            .Select(id => (Id: id, Type: mentioned.Contains(id) ? NotificationTypes.Mention
                : inThread.Contains(id) ? NotificationTypes.Reply
                : muted.Contains(id) ? null
                : NotificationTypes.NewMessage))
            .Where(r => r.Type is not null)
            .Select(r => (r.Id, r.Type!));
    }

    private static string Title(string type, string? sender) => (type, sender) switch
    {
        (NotificationTypes.Mention, null) => "You were mentioned",
        (NotificationTypes.Mention, _) => $"{sender} mentioned you",
        (NotificationTypes.Reply, null) => "New reply in a thread",
        (NotificationTypes.Reply, _) => $"{sender} replied in a thread",
        (_, null) => "New message",
        _ => $"New message from {sender}",
    };
}
