using Chat.Gateway.Configuration;
using Chat.Gateway.Errors;
using Chat.Gateway.Realtime;
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

    [GraphQLMetadata(Description = "Each new notification of the signed-in user.")]
    public static Task<IObservable<NotificationEvent>> NotificationAdded(IResolveFieldContext context, [FromServices] NotificationFeed feed) =>
        feed.SubscribeAsync(context.RequireUserId());

    [GraphQLMetadata(Description = "New messages in the given conversation, or in all of the user's conversations.")]
    public static async Task<IObservable<MessageEvent>> MessageAdded(
        IResolveFieldContext context, [Id] Guid? conversationId, [FromServices] MessageEventHub hub,
        [FromServices] ConversationMembership membership, CancellationToken cancellationToken) =>
        await SubscribeToMessagesAsync(context, conversationId, updates: false, hub, membership, cancellationToken);

    [GraphQLMetadata(Description = "Edits, deletions and read receipts of messages, in one conversation or all of the user's.")]
    public static async Task<IObservable<MessageEvent>> MessageUpdated(
        IResolveFieldContext context, [Id] Guid? conversationId, [FromServices] MessageEventHub hub,
        [FromServices] ConversationMembership membership, CancellationToken cancellationToken) =>
        await SubscribeToMessagesAsync(context, conversationId, updates: true, hub, membership, cancellationToken);

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
        IResolveFieldContext context, Guid? conversationId, bool updates, MessageEventHub hub, ConversationMembership membership,
        CancellationToken cancellationToken)
    {
        var userId = context.RequireUserId();
        var token = CurrentToken(context);
        if (conversationId is { } id)
        {
            await membership.RequireMemberAsync(userId, id, token(), cancellationToken);
        }
        return hub.Subscribe(userId, conversationId, updates, token);
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
