using Chat.Gateway.Errors;
using Chat.Gateway.Schema.Subscriptions.Types;

namespace Chat.Gateway.Realtime;

/// <summary>
/// The event stream of one <c>messageAdded</c> or <c>messageUpdated</c> subscription: the hub's live events, each
/// delivered once (<see cref="ResumingStream{T, TKey}"/>), and with a cursor first the replay from Messaging of what
/// the client missed in that conversation.
/// </summary>
public sealed class MessageStreams(MessageEventHub hub, MessageReplayClient messaging, CursorReplay replay)
{
    public async Task<IObservable<MessageEvent>> OpenAsync(
        Guid userId, Guid? conversationId, bool updates, long? after, Func<string?> accessToken, CancellationToken cancellationToken)
    {
        if (after is not null && conversationId is null)
        {
            throw new GatewayError(ErrorCodes.BadUserInput, "Resuming (after) needs the conversationId the cursor belongs to.",
                new Dictionary<string, object?> { ["field"] = "after" });
        }

        var stream = new ResumingStream<MessageEvent, Guid>(
            hub.Subscribe(userId, conversationId, updates, accessToken), MessageEvents.PositionOf, after ?? 0);
        if (after is not { } cursor || conversationId is not { } id)
        {
            return stream;
        }

        try
        {
            var token = () => accessToken() ?? throw GatewayError.Unauthenticated();
            return stream.ReplayFirst(updates
                ? await replay.StartAsync(cursor,
                    (position, ct) => messaging.ChangesAfterAsync(id, position, replay.PageSize, token(), ct),
                    MessageEvents.From(id), latest => ResyncRequired(id, cursor, latest), cancellationToken)
                : await replay.StartAsync(cursor,
                    (position, ct) => messaging.MessagesAfterAsync(id, position, replay.PageSize, token(), ct),
                    MessageEvents.From, latest => ResyncRequired(id, cursor, latest), cancellationToken));
        }
        catch (GatewayError error) when (error.Code == ErrorCodes.NotFound)
        {
            stream.Dispose();
            throw ConversationMembership.NotAParticipant(id); // as without a cursor
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static GatewayError ResyncRequired(Guid conversationId, long after, long latest) => new(
        ErrorCodes.ResyncRequired,
        "The cursor is too far behind to replay, or unknown: re-read the conversation's messages, then subscribe again with after: latest.",
        new Dictionary<string, object?>
        {
            ["conversationId"] = conversationId,
            ["after"] = MessageEvents.CursorOf(after),
            ["latest"] = MessageEvents.CursorOf(latest),
            ["reread"] = "messages",
        });
}
