using System.Security.Claims;
using Chat.Messaging.Endpoints.Contracts;
using Chat.Messaging.Messages;
using Chat.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chat.Messaging.Endpoints;

public static class MessageEndpoints
{
    public static IEndpointRouteBuilder MapMessageEndpoints(this IEndpointRouteBuilder app)
    {
        var messages = app.MapGroup("/messages").RequireAuthorization();
        messages.MapPost("/", Send);
        messages.MapGet("/search", Search);
        messages.MapGet("/{conversationId:guid}", History);
        messages.MapPatch("/{id:guid}/read", MarkRead);
        messages.MapPatch("/{id:guid}", Edit);
        messages.MapDelete("/{id:guid}", Delete);
        // The emoji travels in the query string, like the reactors page's: any string reaches validation intact.
        messages.MapPut("/{id:guid}/reactions", React);
        messages.MapDelete("/{id:guid}/reactions", Unreact);
        messages.MapGet("/{id:guid}/reactions", Reactors);
        messages.MapGet("/{id:guid}/thread", Thread);
        messages.MapPatch("/{id:guid}/thread/read", MarkThreadRead);
        messages.MapGet("/{id:guid}/versions", Versions);
        return app;
    }

    /// <summary>201 for a new message; 200 with the original when clientMessageId repeats an earlier send.</summary>
    public static async Task<Results<Created<MessageDto>, Ok<MessageDto>>> Send(
        SendMessageRequest request, ClaimsPrincipal principal, MessageService messages, MessagingMetrics metrics, CancellationToken cancellationToken)
    {
        var (message, created) = await messages.SendAsync(principal.UserId(), request, cancellationToken);
        if (created)
        {
            // Counted here, where the send committed: a 1:1 message names its receiver, a group message does not.
            metrics.Sent(isGroup: message.ReceiverId is null);
        }

        return created ? TypedResults.Created($"/messages/{message.ConversationId}", message) : TypedResults.Ok(message);
    }

    /// <summary>Newest first; <c>cursor</c> is a previous page's <c>nextCursor</c>.</summary>
    public static async Task<Ok<PageDto<MessageDto>>> History(
        Guid conversationId, ClaimsPrincipal principal, MessageQueries queries, CancellationToken cancellationToken,
        int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await queries.HistoryAsync(principal.UserId(), conversationId, limit, cursor, cancellationToken));

    public static async Task<Ok<PageDto<MessageDto>>> Search(
        ClaimsPrincipal principal, MessageQueries queries, CancellationToken cancellationToken,
        string? q = null, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await queries.SearchAsync(principal.UserId(), q, limit, cursor, cancellationToken));

    public static async Task<Ok<ReadStateDto>> MarkRead(
        Guid id, ClaimsPrincipal principal, ReadStateService readState, CancellationToken cancellationToken) =>
        TypedResults.Ok(await readState.MarkReadAsync(principal.UserId(), id, cancellationToken));

    public static async Task<Ok<MessageDto>> Edit(
        Guid id, EditMessageRequest request, ClaimsPrincipal principal, MessageService messages, CancellationToken cancellationToken) =>
        TypedResults.Ok(await messages.EditAsync(principal.UserId(), id, request.Content, cancellationToken));

    /// <summary>200 with the message as the caller now sees it; reacting again with the same emoji changes nothing.</summary>
    public static async Task<Ok<MessageDto>> React(
        Guid id, ClaimsPrincipal principal, ReactionService reactions, CancellationToken cancellationToken, string? emoji = null) =>
        TypedResults.Ok(await reactions.AddAsync(principal.UserId(), id, emoji, cancellationToken));

    public static async Task<Ok<MessageDto>> Unreact(
        Guid id, ClaimsPrincipal principal, ReactionService reactions, CancellationToken cancellationToken, string? emoji = null) =>
        TypedResults.Ok(await reactions.RemoveAsync(principal.UserId(), id, emoji, cancellationToken));

    /// <summary>Who reacted with <c>emoji</c>, oldest first.</summary>
    public static async Task<Ok<PageDto<ReactorDto>>> Reactors(
        Guid id, ClaimsPrincipal principal, ReactionService reactions, CancellationToken cancellationToken,
        string? emoji = null, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await reactions.ReactorsAsync(principal.UserId(), id, emoji, limit, cursor, cancellationToken));

    /// <summary>The replies of the thread the message roots (or replies in), oldest first.</summary>
    public static async Task<Ok<PageDto<MessageDto>>> Thread(
        Guid id, ClaimsPrincipal principal, MessageQueries queries, CancellationToken cancellationToken,
        int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await queries.ThreadAsync(principal.UserId(), id, limit, cursor, cancellationToken));

    public static async Task<Ok<MessageDto>> MarkThreadRead(
        Guid id, ClaimsPrincipal principal, ReadStateService readState, CancellationToken cancellationToken) =>
        TypedResults.Ok(await readState.MarkThreadReadAsync(principal.UserId(), id, cancellationToken));

    public static async Task<Ok<IReadOnlyList<MessageVersionDto>>> Versions(
        Guid id, ClaimsPrincipal principal, MessageQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.VersionsAsync(principal.UserId(), id, cancellationToken));

    /// <summary>200 with the tombstone.</summary>
    public static async Task<Ok<MessageDto>> Delete(
        Guid id, ClaimsPrincipal principal, MessageService messages, CancellationToken cancellationToken) =>
        TypedResults.Ok(await messages.DeleteAsync(principal.UserId(), id, cancellationToken));
}
