using System.Diagnostics;
using Chat.Contracts;
using Chat.Contracts.Events;
using Chat.Gateway.Schema.Subscriptions.Types;
using GraphQL;

namespace Chat.Gateway.Realtime;

/// <summary>
/// Delivers message events from <see cref="MessageEventFeed"/> to this instance's subscribers, each only to
/// participants of the event's conversation: by the event's own participant list (message.created), by the
/// membership the instance has seen, or, for a conversation it knows nothing about, by asking Messaging per user.
/// </summary>
public sealed partial class MessageEventHub(ConversationMembership membership, ILogger<MessageEventHub> logger)
{
    private readonly KeyedSubscribers<Guid, MessageSubscriber> byUser = new();

    public IObservable<MessageEvent> Subscribe(Guid userId, Guid? conversationId, bool updates, Func<string?> accessToken) =>
        new ObservableSource<MessageEvent>(observer =>
        {
            var subscriber = new MessageSubscriber(userId, conversationId, updates, accessToken, observer);
            byUser.Add(userId, subscriber);
            return new Unsubscriber(() => byUser.Remove(userId, subscriber));
        });

    /// <summary>Called in topic-partition order by the feed; returns once every local recipient has the event.</summary>
    public async Task DispatchAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        switch (integrationEvent)
        {
            case MessageCreated created:
                membership.Observe(created);
                Deliver(MessageEvents.From(created), created.ParticipantIds);
                break;
            case ConversationChanged changed:
                membership.Observe(changed);
                break;
            case MessageUpdated updated:
                await DeliverToMembersAsync(MessageEvents.From(updated), cancellationToken);
                break;
            case MessageDeleted deleted:
                await DeliverToMembersAsync(MessageEvents.From(deleted), cancellationToken);
                break;
            case MessageReacted reacted:
                await DeliverToMembersAsync(MessageEvents.From(reacted), cancellationToken);
                break;
        }
    }

    private void Deliver(MessageEvent message, IEnumerable<Guid> participantIds)
    {
        using var activity = StartPush(message);
        var recipients = 0;
        foreach (var userId in participantIds)
        {
            foreach (var subscriber in byUser.Get(userId))
            {
                if (subscriber.Wants(message))
                {
                    subscriber.Observer.OnNext(message);
                    recipients++;
                }
            }
        }
        activity?.SetTag(RealtimeTracing.Recipients, recipients);
    }

    private static Activity? StartPush(MessageEvent message) =>
        RealtimeTracing.StartPush(message.Kind == MessageEventKind.Created ? "messageAdded" : "messageUpdated");

    private async Task DeliverToMembersAsync(MessageEvent message, CancellationToken cancellationToken)
    {
        if (membership.ParticipantsOf(message.ConversationId) is { } participants)
        {
            Deliver(message, participants);
            return;
        }

        using var activity = StartPush(message);
        foreach (var subscriber in byUser.All())
        {
            if (!subscriber.Wants(message))
            {
                continue;
            }
            try
            {
                if (await membership.IsMemberAsync(subscriber.UserId, message.ConversationId, subscriber.AccessToken(), cancellationToken))
                {
                    subscriber.Observer.OnNext(message);
                }
            }
            catch (ExecutionError error)
            {
                // Messaging could not say; leaving the event out is safer than showing it to a non-member.
                LogMembershipUnknown(logger, subscriber.UserId, message.ConversationId, error.Code);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Message event of conversation {ConversationId} not delivered to user {UserId}: membership unknown ({Code})")]
    private static partial void LogMembershipUnknown(ILogger logger, Guid userId, Guid conversationId, string? code);
}
