using Chat.Gateway.Security;
using Chat.Gateway.Services.Messaging;
using GraphQL;

namespace Chat.Gateway.Schema.Messaging;

/// <summary>Query fields of the messaging area. A conversation the caller is not in is NOT_FOUND, like one that does not exist.</summary>
public sealed class MessagingQueries
{
    private MessagingQueries()
    {
    }

    [GraphQLMetadata(Description = "The caller's conversations, most recently active first. first: 1-100 (default 20).")]
    public static async Task<ConversationConnection?> Conversations(
        IResolveFieldContext context, int? first, string? after, [FromServices] MessagingServiceClient messaging, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        return ConversationConnection.From(await messaging.ListConversationsAsync(first, after, cancellationToken));
    }

    public static async Task<Conversation?> Conversation(
        IResolveFieldContext context, [Id] Guid id, [FromServices] MessagingServiceClient messaging, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        return await messaging.GetConversationAsync(id, cancellationToken);
    }

    [GraphQLMetadata(Description = "A conversation's messages, newest first; after = a previous page's endCursor. first: 1-100 (default 20).")]
    public static async Task<MessageConnection?> Messages(
        IResolveFieldContext context, [Id] Guid conversationId, int? first, string? after,
        [FromServices] MessagingServiceClient messaging, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        return MessageConnection.From(await messaging.HistoryAsync(conversationId, first, after, cancellationToken));
    }

    [GraphQLMetadata(Description = "Full-text search (web search syntax) over the caller's conversations, newest first.")]
    public static async Task<MessageConnection?> SearchMessages(
        IResolveFieldContext context, string query, int? first, string? after,
        [FromServices] MessagingServiceClient messaging, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        return MessageConnection.From(await messaging.SearchAsync(query, first, after, cancellationToken));
    }
}
