using Chat.Gateway.Configuration;
using Chat.Gateway.Errors;
using Chat.Gateway.Realtime;
using Chat.Gateway.Schema.Notifications;
using Chat.Gateway.Schema.Subscriptions.Types;
using Chat.Gateway.Security;
using GraphQL;
using Microsoft.Extensions.Options;

namespace Chat.Gateway.Schema.Subscriptions;

/// <summary>
/// Subscription fields, served over WebSocket (<c>graphql-transport-ws</c>). Each needs a signed-in user; message
/// and typing events reach only participants of their conversation.
/// </summary>
public sealed class RealtimeSubscriptions
{
    private RealtimeSubscriptions()
    {
    }

    [GraphQLMetadata(Description = "Each new notification of the signed-in user, once. after: the cursor of the last one the " +
        "client has; those after it are replayed first, then live. RESYNC_REQUIRED when it is too far behind.")]
    public static Task<IObservable<Notification>> NotificationAdded(
        IResolveFieldContext context, string? after, [FromServices] NotificationStreams streams, CancellationToken cancellationToken) =>
        streams.OpenAsync(context.RequireUserId(), ResumeCursor.Parse(after), CurrentToken(context), cancellationToken);

    [GraphQLMetadata(Description = "New messages in the given conversation, or in all of the user's conversations, in seq order. " +
        "after (with conversationId): the cursor of the last event the client has; what came after it is replayed first, " +
        "then live, each message once. RESYNC_REQUIRED when it is too far behind.")]
    public static async Task<IObservable<MessageEvent>> MessageAdded(
        IResolveFieldContext context, [Id] Guid? conversationId, string? after, [FromServices] MessageStreams streams,
        [FromServices] ConversationMembership membership, CancellationToken cancellationToken) =>
        await SubscribeToMessagesAsync(context, conversationId, after, updates: false, streams, membership, cancellationToken);

    [GraphQLMetadata(Description = "Edits, deletions and read receipts of messages, in one conversation or all of the user's. " +
        "after (with conversationId): the cursor of the last event the client has; changes after it are replayed first " +
        "(each message at its latest state), then live. RESYNC_REQUIRED when it is too far behind.")]
    public static async Task<IObservable<MessageEvent>> MessageUpdated(
        IResolveFieldContext context, [Id] Guid? conversationId, string? after, [FromServices] MessageStreams streams,
        [FromServices] ConversationMembership membership, CancellationToken cancellationToken) =>
        await SubscribeToMessagesAsync(context, conversationId, after, updates: true, streams, membership, cancellationToken);

    [GraphQLMetadata(Description = "Presence changes of the given users (any signed-in user may watch any user).")]
    public static Task<IObservable<PresenceEvent>> PresenceChanged(
        IResolveFieldContext context, [Id] IEnumerable<Guid> userIds, [FromServices] PresenceFeed feed,
        [FromServices] IOptions<GraphQLWebSocketOptions> options)
    {
        context.RequireUserId();
        var distinct = userIds.Distinct().ToList();
        if (distinct.Count == 0 || distinct.Count > options.Value.MaxPresenceUserIds)
        {
            throw new GatewayError(ErrorCodes.BadUserInput, $"Watch between 1 and {options.Value.MaxPresenceUserIds} users.",
                new Dictionary<string, object?> { ["field"] = "userIds" });
        }
        return feed.SubscribeAsync(distinct);
    }

    [GraphQLMetadata(Description = "Who starts or stops typing in a conversation (the user's own typing is not echoed).")]
    public static async Task<IObservable<TypingEvent>> Typing(
        IResolveFieldContext context, [Id] Guid conversationId, [FromServices] TypingFeed feed,
        [FromServices] ConversationMembership membership, CancellationToken cancellationToken)
    {
        var userId = context.RequireUserId();
        await membership.RequireMemberAsync(userId, conversationId, CurrentToken(context)(), cancellationToken);
        return await feed.SubscribeAsync(userId, conversationId);
    }

    private static async Task<IObservable<MessageEvent>> SubscribeToMessagesAsync(
        IResolveFieldContext context, Guid? conversationId, string? after, bool updates, MessageStreams streams,
        ConversationMembership membership, CancellationToken cancellationToken)
    {
        var userId = context.RequireUserId();
        var cursor = ResumeCursor.Parse(after);
        var token = CurrentToken(context);
        // With a cursor, the replay's first batch is Messaging's membership check (a reconnect storm asks once, not twice).
        if (conversationId is { } id && cursor is null)
        {
            await membership.RequireMemberAsync(userId, id, token(), cancellationToken);
        }
        return await streams.OpenAsync(userId, conversationId, updates, cursor, token, cancellationToken);
    }

    /// <summary>The caller's token as it is now; a WebSocket connection may re-authenticate later (see README).</summary>
    internal static Func<string?> CurrentToken(IResolveFieldContext context)
    {
        var httpContext = context.RequestServices?.GetService<IHttpContextAccessor>()?.HttpContext;
        return () => httpContext?.Request.Headers.Authorization.ToString() is { } header &&
                     header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : null;
    }
}
