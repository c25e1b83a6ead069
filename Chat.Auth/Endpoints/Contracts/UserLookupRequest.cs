namespace Chat.Auth.Endpoints.Contracts;

public sealed record UserLookupRequest(IReadOnlyList<Guid>? Ids)
{
    public const int MaxIds = 500;
}
