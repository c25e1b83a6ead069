using Chat.Gateway.Errors;
using Chat.Gateway.Security;
using Chat.Gateway.Services.Auth;
using Chat.Gateway.Services.Messaging;
using GraphQL;

namespace Chat.Gateway.Schema.Messaging;

/// <summary>Mutation fields of the messaging area; nullable, so one failing field leaves the others intact.</summary>
public sealed class MessagingMutations
{
    private MessagingMutations()
    {
    }

    public static async Task<Conversation?> CreateConversation(
        IResolveFieldContext context, CreateConversationInput input,
        [FromServices] AuthServiceClient auth, [FromServices] MessagingServiceClient messaging, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        await RequireUsersExistAsync(auth, input.ParticipantIds, "participantIds", cancellationToken);
        return await messaging.CreateConversationAsync(input, cancellationToken);
    }

    [GraphQLMetadata(Description = "Adds a user to a group; any member may.")]
    public static async Task<Conversation?> AddParticipant(
        IResolveFieldContext context, [Id] Guid conversationId, [Id] Guid userId,
        [FromServices] AuthServiceClient auth, [FromServices] MessagingServiceClient messaging, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        await RequireUsersExistAsync(auth, [userId], "userId", cancellationToken);
        return await messaging.AddMemberAsync(conversationId, userId, cancellationToken);
    }

    [GraphQLMetadata(Description = "Removes a member from a group; only the group's creator may remove others.")]
    public static async Task<Conversation?> RemoveParticipant(
        IResolveFieldContext context, [Id] Guid conversationId, [Id] Guid userId,
        [FromServices] MessagingServiceClient messaging, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        return await messaging.RemoveMemberAsync(conversationId, userId, cancellationToken);
    }

    [GraphQLMetadata(Description = "Leaves a group; returns the group as it is without the caller.")]
    public static async Task<Conversation?> LeaveConversation(
        IResolveFieldContext context, [Id] Guid conversationId, [FromServices] MessagingServiceClient messaging, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        return await messaging.LeaveAsync(conversationId, cancellationToken);
    }

    [GraphQLMetadata(Description = "Sends a message (1-4000 characters after trimming). Retrying with the same clientMessageId returns the same message. "
        + "@username mentions a member (a MENTION notification, even if they muted the conversation); replyToId replies in a thread.")]
    public static async Task<Message?> SendMessage(
        IResolveFieldContext context, SendMessageInput input,
        [FromServices] AuthServiceClient auth, [FromServices] MessagingServiceClient messaging, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        var mentioned = await Mentions.ResolveAsync(input.Content, auth, cancellationToken);
        return await messaging.SendMessageAsync(input, mentioned, cancellationToken);
    }

    [GraphQLMetadata(Description = "Edits the caller's own message.")]
    public static async Task<Message?> EditMessage(
        IResolveFieldContext context, [Id] Guid id, string content, [FromServices] MessagingServiceClient messaging, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        return await messaging.EditMessageAsync(id, content, cancellationToken);
    }

    [GraphQLMetadata(Description = "Deletes the caller's own message; a tombstone (empty content, deletedAt) keeps its place.")]
    public static async Task<Message?> DeleteMessage(
        IResolveFieldContext context, [Id] Guid id, [FromServices] MessagingServiceClient messaging, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        return await messaging.DeleteMessageAsync(id, cancellationToken);
    }

    [GraphQLMetadata(Description = "Marks a message and everything before it as read; the read pointer never moves back.")]
    public static async Task<ReadState?> MarkMessageRead(
        IResolveFieldContext context, [Id] Guid id, [FromServices] MessagingServiceClient messaging, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        return await messaging.MarkReadAsync(id, cancellationToken);
    }

    /// <summary>Messaging cannot see Auth's users; without this check a typo'd id would make a member nobody is.</summary>
    private static async Task RequireUsersExistAsync(AuthServiceClient auth, IReadOnlyList<Guid> ids, string field, CancellationToken cancellationToken)
    {
        if (ids.Count is 0 or > Services.Auth.AuthServiceClient.MaxLookupIds)
        {
            return;
        }

        var found = await auth.LookupUsersAsync(ids, cancellationToken);
        if (ids.FirstOrDefault(id => !found.ContainsKey(id)) is var missing && missing != Guid.Empty)
        {
            throw new GatewayError(ErrorCodes.BadUserInput, $"No user with id {missing}.", new Dictionary<string, object?> { ["field"] = field });
        }
    }
}
