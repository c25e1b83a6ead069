using Chat.Gateway.Schema.Types;
using Chat.Gateway.Services.Batching;
using GraphQL.DataLoader;

namespace Chat.Gateway.Services.Presence;

/// <summary>
/// Presence by user id for one GraphQL request (scoped): every id asked for while a level resolves goes to Presence
/// in one <c>POST /presence/bulk</c> (500 ids per call). Hook a field on it by returning <see cref="Load"/>'s result:
/// <code>public IDataLoaderResult&lt;UserPresence?&gt; Presence([FromServices] PresenceLoader loader) => loader.Load(UserId);</code>
/// </summary>
public sealed class PresenceLoader(PresenceServiceClient presence)
{
    private readonly BatchLoader<Guid, UserPresence> _loader = new(async (userIds, cancellationToken) =>
    {
        var pages = await Task.WhenAll(userIds.Chunk(PresenceServiceClient.MaxBulkIds)
            .Select(chunk => presence.GetManyAsync(chunk, cancellationToken)));
        return pages.SelectMany(page => page).ToDictionary(found => found.UserId);
    });

    public IDataLoaderResult<UserPresence?> Load(Guid userId) => _loader.Load(userId);
}
