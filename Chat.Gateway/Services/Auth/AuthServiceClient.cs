using Chat.Gateway.Schema.Types;

namespace Chat.Gateway.Services.Auth;

/// <summary>
/// The Auth service's REST API (<c>http://auth</c>, resolved by service discovery). The caller's bearer token is
/// attached by <see cref="Security.BearerTokenForwardingHandler"/>; failures become GraphQL errors.
/// </summary>
public sealed class AuthServiceClient(HttpClient http, ILogger<AuthServiceClient> logger)
{
    public const string ServiceName = "auth";

    private readonly DownstreamApi _api = new(http, ServiceName, logger);

    /// <summary>Auth's limit on ids per lookup.</summary>
    public const int MaxLookupIds = 500;

    public Task<AuthPayload> RegisterAsync(RegisterInput input, CancellationToken cancellationToken) =>
        _api.SendAsync<AuthPayload>(HttpMethod.Post, "/auth/register",
            new { input.Email, input.Username, input.Password }, cancellationToken);

    public Task<AuthPayload> LoginAsync(LoginInput input, CancellationToken cancellationToken) =>
        _api.SendAsync<AuthPayload>(HttpMethod.Post, "/auth/login", new { input.Email, input.Password }, cancellationToken);

    public Task<AuthPayload> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        _api.SendAsync<AuthPayload>(HttpMethod.Post, "/auth/refresh", new { refreshToken }, cancellationToken);

    public Task LogoutAsync(string refreshToken, CancellationToken cancellationToken) =>
        _api.SendAsync<object>(HttpMethod.Post, "/auth/logout", new { refreshToken }, cancellationToken);

    public Task<User> GetMeAsync(CancellationToken cancellationToken) =>
        _api.SendAsync<User>(HttpMethod.Get, "/auth/me", null, cancellationToken);

    /// <summary>Id and username of each user that exists; unknown ids are absent from the result.</summary>
    public async Task<Dictionary<Guid, Schema.Messaging.Participant>> LookupUsersAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        (await _api.SendAsync<List<Schema.Messaging.Participant>>(HttpMethod.Post, "/auth/users/lookup", new { ids }, cancellationToken))
            .ToDictionary(user => user.Id);

    /// <summary>The users with these usernames (case-insensitive); unknown names are absent from the result.</summary>
    public Task<List<Schema.Messaging.Participant>> LookupUsernamesAsync(IReadOnlyList<string> usernames, CancellationToken cancellationToken) =>
        _api.SendAsync<List<Schema.Messaging.Participant>>(HttpMethod.Post, "/auth/users/lookup", new { usernames }, cancellationToken);
}
