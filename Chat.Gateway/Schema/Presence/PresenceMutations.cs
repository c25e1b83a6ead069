using Chat.Contracts.Events;
using Chat.Gateway.Schema.Types;
using Chat.Gateway.Security;
using Chat.Gateway.Services.Presence;
using GraphQL;

namespace Chat.Gateway.Schema.Presence;

/// <summary>Mutation fields of the presence area; they change the caller's own presence only.</summary>
public sealed class PresenceMutations
{
    private PresenceMutations()
    {
    }

    [GraphQLMetadata(Description = "Sets the caller's status; OFFLINE hides them until they choose another status. BUSY survives heartbeats.")]
    public static async Task<UserPresence?> UpdatePresence(
        IResolveFieldContext context, PresenceStatus status, [FromServices] PresenceServiceClient presence, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        return await presence.SetStatusAsync(status, cancellationToken);
    }

    [GraphQLMetadata(Description = "Tells the platform the caller is still here (every 30 s); brings AWAY or timed-out users back ONLINE.")]
    public static async Task<UserPresence?> Heartbeat(
        IResolveFieldContext context, [FromServices] PresenceServiceClient presence, CancellationToken cancellationToken)
    {
        context.RequireUserId();
        return await presence.HeartbeatAsync(cancellationToken);
    }
}
