using Chat.Gateway.Security;
using Chat.Gateway.Services.Messaging;
using GraphQL;

namespace Chat.Gateway.Schema.Messaging;

/// <summary>Query fields for threads, reactions and edit history; a message the caller cannot see is NOT_FOUND.</summary>
public sealed class ConversationFeatureQueries
{
    private ConversationFeatureQueries()
    {
    }

    [GraphQLMetadata(Description = "The replies of a thread, oldest first; messageId is its root or any reply in it. first: 1-100 (default 20).")]
    public static async Task<MessageConnection?> Thread(
        IResolveFieldContext context, [Id] Guid messageId, int? first, string? after,
        [FromServices] MessagingServiceClient messaging, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        return MessageConnection.From(await messaging.ThreadAsync(messageId, first, after, cancellationToken));
    }

    [GraphQLMetadata(Description = "Who reacted to a message with an emoji, in the order they did. first: 1-100 (default 20).")]
    public static async Task<ReactorConnection?> MessageReactions(
        IResolveFieldContext context, [Id] Guid messageId, string emoji, int? first, string? after,
        [FromServices] MessagingServiceClient messaging, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        return ReactorConnection.From(await messaging.ReactorsAsync(messageId, emoji, first, after, cancellationToken));
    }

    [GraphQLMetadata(Description = "Every text a message has had, oldest first, the current one last; a deleted message keeps none.")]
    public static async Task<IReadOnlyList<MessageVersion>?> MessageVersions(
        IResolveFieldContext context, [Id] Guid messageId, [FromServices] MessagingServiceClient messaging, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        return await messaging.VersionsAsync(messageId, cancellationToken);
    }
}
