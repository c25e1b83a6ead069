using Chat.Gateway.Schema.Messaging;
using Chat.Gateway.Services.Batching;
using GraphQL.DataLoader;

namespace Chat.Gateway.Services.Auth;

/// <summary>
/// Users by id for one GraphQL request (scoped): every id asked for while a level resolves goes to Auth in one
/// <c>POST /auth/users/lookup</c> (each id once per request), so a list of conversations with participants and
/// senders costs one or two calls, not one per user.
/// </summary>
public sealed class UserDirectory(AuthServiceClient auth)
{
    private readonly BatchLoader<Guid, Participant> _loader = new(async (ids, cancellationToken) =>
    {
        var found = new Dictionary<Guid, Participant>();
        foreach (var chunk in ids.Chunk(AuthServiceClient.MaxLookupIds))
        {
            foreach (var (id, user) in await auth.LookupUsersAsync(chunk, cancellationToken))
            {
                found[id] = user;
            }
        }
        return found;
    });

    public IDataLoaderResult<Participant?> Load(Guid id) => _loader.Load(id);

    /// <summary>The users that exist, in the order asked; unknown ids are left out.</summary>
    public IDataLoaderResult<Participant[]> LoadMany(IReadOnlyList<Guid> ids) => _loader.LoadMany(ids);
}
