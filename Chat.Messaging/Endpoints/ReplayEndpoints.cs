using System.Security.Claims;
using Chat.Messaging.Endpoints.Contracts;
using Chat.Messaging.Messages;
using Chat.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chat.Messaging.Endpoints;

/// <summary>Resume: what a member missed after a position, oldest first, in bounded batches (1–500, default 100).</summary>
public static class ReplayEndpoints
{
    public static IEndpointRouteBuilder MapReplayEndpoints(this IEndpointRouteBuilder app)
    {
        var conversations = app.MapGroup("/conversations/{id:guid}").RequireAuthorization();
        conversations.MapGet("/messages", MessagesAfter);
        conversations.MapGet("/changes", ChangesAfter);
        return app;
    }

    /// <summary>Messages with seq greater than <c>after</c>, in their state now (a deleted one as its tombstone).</summary>
    public static async Task<Ok<LogPageDto<MessageDto>>> MessagesAfter(
        Guid id, ClaimsPrincipal principal, ConversationReplay replay, CancellationToken cancellationToken, long? after = null, int? limit = null) =>
        TypedResults.Ok(await replay.MessagesAfterAsync(principal.UserId(), id, after, limit, cancellationToken));

    /// <summary>Edits, deletions and read marks with a change position greater than <c>after</c>.</summary>
    public static async Task<Ok<LogPageDto<MessageChangeDto>>> ChangesAfter(
        Guid id, ClaimsPrincipal principal, ConversationReplay replay, CancellationToken cancellationToken, long? after = null, int? limit = null) =>
        TypedResults.Ok(await replay.ChangesAfterAsync(principal.UserId(), id, after, limit, cancellationToken));
}
