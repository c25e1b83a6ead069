using Chat.Contracts.Events;
using Chat.Gateway.Schema.Types;

namespace Chat.Gateway.Services.Presence;

/// <summary>
/// The Presence service's REST API (<c>http://presence</c>, every instance through service discovery). The
/// caller's bearer token is forwarded; the service takes the user from it. Failures become GraphQL errors.
/// </summary>
public sealed class PresenceServiceClient(HttpClient http, ILogger<PresenceServiceClient> logger)
{
    public const string ServiceName = "presence";

    private readonly DownstreamApi _api = new(http, ServiceName, logger);

    /// <summary>The most ids the service answers in one bulk request.</summary>
    public const int MaxBulkIds = 500;

    public Task<UserPresence> SetStatusAsync(PresenceStatus status, CancellationToken cancellationToken) =>
        _api.SendAsync<UserPresence>(HttpMethod.Post, "/presence", new { status }, cancellationToken);

    public Task<UserPresence> HeartbeatAsync(CancellationToken cancellationToken) =>
        _api.SendAsync<UserPresence>(HttpMethod.Post, "/presence/heartbeat", null, cancellationToken);

    public Task<UserPresence> GetAsync(Guid userId, CancellationToken cancellationToken) =>
        _api.SendAsync<UserPresence>(HttpMethod.Get, $"/presence/{userId:D}", null, cancellationToken);

    public Task<UserPresence[]> GetManyAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        _api.SendAsync<UserPresence[]>(HttpMethod.Post, "/presence/bulk", new { userIds }, cancellationToken);
}
