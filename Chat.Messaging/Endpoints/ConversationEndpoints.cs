using System.Security.Claims;
using Chat.Messaging.Conversations;
using Chat.Messaging.Domain;
using Chat.Messaging.Endpoints.Contracts;
using Chat.ServiceDefaults.Authentication;
using Chat.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chat.Messaging.Endpoints;

public static class ConversationEndpoints
{
    public static IEndpointRouteBuilder MapConversationEndpoints(this IEndpointRouteBuilder app)
    {
        var conversations = app.MapGroup("/conversations").RequireAuthorization();
        conversations.MapPost("/", Create);
        conversations.MapGet("/", List);
        conversations.MapGet("/{id:guid}", Get);
        conversations.MapPost("/{id:guid}/members", AddMember);
        conversations.MapDelete("/{id:guid}/members/{userId:guid}", RemoveMember);
        conversations.MapPost("/{id:guid}/leave", Leave);
        conversations.MapPut("/{id:guid}/mute", Mute);
        conversations.MapDelete("/{id:guid}/mute", Unmute);
        return app;
    }

    /// <summary>201 with the new conversation; 200 with the existing one when the 1:1 pair already has one.</summary>
    public static async Task<Results<Created<ConversationDto>, Ok<ConversationDto>>> Create(
        CreateConversationRequest request, ClaimsPrincipal principal, ConversationService conversations, CancellationToken cancellationToken)
    {
        var (conversation, created) = await conversations.CreateAsync(principal.UserId(), request, cancellationToken);
        return created
            ? TypedResults.Created($"/conversations/{conversation.Id}", conversation)
            : TypedResults.Ok(conversation);
    }

    public static async Task<Ok<PageDto<ConversationDto>>> List(
        ClaimsPrincipal principal, ConversationService conversations, CancellationToken cancellationToken, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await conversations.ListAsync(principal.UserId(), limit, cursor, cancellationToken));

    public static async Task<Ok<ConversationDto>> Get(
        Guid id, ClaimsPrincipal principal, ConversationService conversations, CancellationToken cancellationToken) =>
        TypedResults.Ok(await conversations.GetAsync(principal.UserId(), id, cancellationToken));

    public static async Task<Ok<ConversationDto>> AddMember(
        Guid id, AddMemberRequest request, ClaimsPrincipal principal, ConversationService conversations, CancellationToken cancellationToken)
    {
        var userId = request.UserId is { } value && value != Guid.Empty
            ? value
            : throw new InvalidInputException("userId", "userId is required.");
        return TypedResults.Ok(await conversations.AddMemberAsync(principal.UserId(), id, userId, cancellationToken));
    }

    public static async Task<Ok<ConversationDto>> RemoveMember(
        Guid id, Guid userId, ClaimsPrincipal principal, ConversationService conversations, CancellationToken cancellationToken) =>
        TypedResults.Ok(await conversations.RemoveMemberAsync(principal.UserId(), id, userId, cancellationToken));

    /// <summary>Mutes until <c>until</c>, or until unmuted; muting again replaces the earlier mute.</summary>
    public static async Task<Ok<ConversationDto>> Mute(
        Guid id, MuteRequest? request, ClaimsPrincipal principal, ConversationService conversations, CancellationToken cancellationToken) =>
        TypedResults.Ok(await conversations.MuteAsync(principal.UserId(), id, request?.Until, cancellationToken));

    public static async Task<Ok<ConversationDto>> Unmute(
        Guid id, ClaimsPrincipal principal, ConversationService conversations, CancellationToken cancellationToken) =>
        TypedResults.Ok(await conversations.UnmuteAsync(principal.UserId(), id, cancellationToken));

    /// <summary>200 with the conversation as the remaining members see it; the caller can no longer read it.</summary>
    public static async Task<Ok<ConversationDto>> Leave(
        Guid id, ClaimsPrincipal principal, ConversationService conversations, CancellationToken cancellationToken) =>
        TypedResults.Ok(await conversations.LeaveAsync(principal.UserId(), id, cancellationToken));
}
