using Chat.Gateway.Realtime;
using Chat.Gateway.Security;
using GraphQL;

namespace Chat.Gateway.Schema.Subscriptions;

/// <summary>The <c>setTyping</c> mutation feeding the <c>typing</c> subscription.</summary>
public sealed class TypingMutations
{
    private TypingMutations()
    {
    }

    [GraphQLMetadata(Description = "Tells the conversation's other participants that you started or stopped typing. Never stored.")]
    public static async Task<bool?> SetTyping(
        IResolveFieldContext context, [Id] Guid conversationId, bool isTyping, [FromServices] TypingFeed feed,
        [FromServices] ConversationMembership membership, CancellationToken cancellationToken)
    {
        var userId = context.RequireUserId();
        await membership.RequireMemberAsync(userId, conversationId, RealtimeSubscriptions.CurrentToken(context)(), cancellationToken);
        await feed.PublishAsync(userId, conversationId, isTyping);
        return true;
    }
}
