using Chat.Gateway.Errors;
using Chat.Gateway.Schema.Types;
using Chat.Gateway.Security;
using Chat.Gateway.Services.Presence;
using GraphQL;
using GraphQL.DataLoader;

namespace Chat.Gateway.Schema.Presence;

/// <summary>Query fields of the presence area; any signed-in user may read anyone's presence.</summary>
public sealed class PresenceQueries
{
    private PresenceQueries()
    {
    }

    [GraphQLMetadata(Description = "A user's presence; OFFLINE with the last known activity when they are not signed in.")]
    public static IDataLoaderResult<UserPresence?> Presence(
        IResolveFieldContext context, [Id] Guid userId, [FromServices] PresenceLoader loader)
    {
        context.RequireUserId();
        return loader.Load(userId);
    }

    [GraphQLMetadata(Description = "The presence of up to 500 users, in the order asked (duplicates answered once).")]
    public static async Task<IEnumerable<UserPresence>?> Presences(
        IResolveFieldContext context, [Id] IEnumerable<Guid> userIds, [FromServices] PresenceServiceClient presence,
        CancellationToken cancellationToken)
    {
        context.RequireUserId();
        var ids = userIds.ToList();
        if (ids.Count > PresenceServiceClient.MaxBulkIds)
        {
            throw new GatewayError(ErrorCodes.BadUserInput, $"At most {PresenceServiceClient.MaxBulkIds} user ids per request.",
                new Dictionary<string, object?> { ["field"] = "userIds" });
        }
        return await presence.GetManyAsync(ids, cancellationToken);
    }
}
