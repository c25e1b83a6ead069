using System.Security.Claims;
using Chat.Presence.Domain;
using Chat.Presence.Endpoints.Contracts;
using Chat.ServiceDefaults.Authentication;
using Chat.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chat.Presence.Endpoints;

/// <summary>
/// <c>/presence</c>: a user sets only their own presence (the token's <c>sub</c>); anyone signed in reads anyone's.
/// </summary>
public static class PresenceEndpoints
{
    public static IEndpointRouteBuilder MapPresenceEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/presence").RequireAuthorization().WithTags("Presence");
        group.MapPost("/", SetStatus);
        group.MapPost("/heartbeat", Heartbeat);
        group.MapGet("/{userId:guid}", GetOne);
        group.MapPost("/bulk", GetMany);
        return routes;
    }

    public static async Task<Ok<PresenceDto>> SetStatus(
        SetPresenceRequest request, ClaimsPrincipal user, PresenceService presence, CancellationToken cancellationToken)
    {
        var status = request.Status ?? throw new InvalidInputException("status", "status is required: ONLINE, AWAY, BUSY or OFFLINE.");
        return TypedResults.Ok(PresenceDto.From(await presence.SetStatusAsync(user.UserId(), status, cancellationToken)));
    }

    public static async Task<Ok<PresenceDto>> Heartbeat(ClaimsPrincipal user, PresenceService presence, CancellationToken cancellationToken) =>
        TypedResults.Ok(PresenceDto.From(await presence.HeartbeatAsync(user.UserId(), cancellationToken)));

    public static async Task<Ok<PresenceDto>> GetOne(Guid userId, PresenceService presence, CancellationToken cancellationToken)
    {
        var found = await presence.GetManyAsync([userId], cancellationToken);
        return TypedResults.Ok(PresenceDto.From(found[0]));
    }

    public static async Task<Ok<PresenceDto[]>> GetMany(BulkPresenceRequest request, PresenceService presence, CancellationToken cancellationToken)
    {
        var userIds = request.UserIds ?? throw new InvalidInputException("userIds", "userIds is required.");
        var found = await presence.GetManyAsync(userIds, cancellationToken);
        return TypedResults.Ok(found.Select(PresenceDto.From).ToArray());
    }
}
