using Chat.Gateway.Security;
using Chat.Gateway.Services.Messaging;
using GraphQL;

namespace Chat.Gateway.Schema.Messaging;

/// <summary>Mutation fields for reactions, threads and muting; each returns the changed object as the caller sees it.</summary>
public sealed class ConversationFeatureMutations
{
    private ConversationFeatureMutations()
    {
    }

    [GraphQLMetadata(Description = "Reacts with an emoji of the palette (👍 👎 ❤️ 😂 😮 😢 😡 🎉 🙏 👀 🔥 ✅ ❌ 🚀 💯 👏 🤔 😄 😍 🙌 👌 💪 😅 🤝); "
        + "once per emoji per member, so reacting again changes nothing.")]
    public static async Task<Message?> AddReaction(
        IResolveFieldContext context, [Id] Guid messageId, string emoji, [FromServices] MessagingServiceClient messaging, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        return await messaging.AddReactionAsync(messageId, emoji, cancellationToken);
    }

    public static async Task<Message?> RemoveReaction(
        IResolveFieldContext context, [Id] Guid messageId, string emoji, [FromServices] MessagingServiceClient messaging, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        return await messaging.RemoveReactionAsync(messageId, emoji, cancellationToken);
    }

    [GraphQLMetadata(Description = "Marks every reply of the thread read for the caller; returns the thread's root.")]
    public static async Task<Message?> MarkThreadRead(
        IResolveFieldContext context, [Id] Guid messageId, [FromServices] MessagingServiceClient messaging, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        return await messaging.MarkThreadReadAsync(messageId, cancellationToken);
    }

    [GraphQLMetadata(Description = "Mutes a conversation for the caller until `until` (or until unmuted): no NEW_MESSAGE notifications, "
        + "while unread counts, mentions and replies to the caller's threads go on.")]
    public static async Task<Conversation?> MuteConversation(
        IResolveFieldContext context, [Id] Guid conversationId, DateTimeOffset? until,
        [FromServices] MessagingServiceClient messaging, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        return await messaging.MuteAsync(conversationId, until, cancellationToken);
    }

    public static async Task<Conversation?> UnmuteConversation(
        IResolveFieldContext context, [Id] Guid conversationId, [FromServices] MessagingServiceClient messaging, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        return await messaging.UnmuteAsync(conversationId, cancellationToken);
    }
}
