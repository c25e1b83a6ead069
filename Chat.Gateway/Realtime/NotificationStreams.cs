using Chat.Gateway.Errors;
using Chat.Gateway.Schema.Notifications;

namespace Chat.Gateway.Realtime;

/// <summary>
/// The event stream of one <c>notificationAdded</c> subscription: the Redis feed, each notification delivered once
/// (<see cref="ResumingStream{T, TKey}"/>), and with a cursor first the replay from Notifications of what was missed.
/// </summary>
public sealed class NotificationStreams(NotificationFeed feed, NotificationReplayClient notifications, CursorReplay replay)
{
    public async Task<IObservable<Notification>> OpenAsync(Guid userId, long? after, Func<string?> accessToken, CancellationToken cancellationToken)
    {
        var stream = new ResumingStream<Notification, Guid>(
            await feed.SubscribeAsync(userId), n => n.Seq > 0 ? (n.UserId, n.Seq) : null, after ?? 0);
        if (after is not { } cursor)
        {
            return stream;
        }

        try
        {
            var token = () => accessToken() ?? throw GatewayError.Unauthenticated();
            return stream.ReplayFirst(await replay.StartAsync(cursor,
                (position, ct) => notifications.AfterAsync(position, replay.PageSize, token(), ct),
                notification => notification, latest => ResyncRequired(cursor, latest), cancellationToken));
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static GatewayError ResyncRequired(long after, long latest) => new(
        ErrorCodes.ResyncRequired,
        "The cursor is too far behind to replay, or unknown: re-read the notifications, then subscribe again with after: latest.",
        new Dictionary<string, object?>
        {
            ["after"] = MessageEvents.CursorOf(after),
            ["latest"] = MessageEvents.CursorOf(latest),
            ["reread"] = "notifications",
        });
}
