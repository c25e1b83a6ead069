namespace Chat.Auth.Endpoints.Contracts;

/// <summary>Users by id, by username (case-insensitive, as usernames are unique), or both; unknown ones are left out.</summary>
public sealed record UserLookupRequest(IReadOnlyList<Guid>? Ids, IReadOnlyList<string>? Usernames = null)
{
    public const int MaxIds = 500;
}
