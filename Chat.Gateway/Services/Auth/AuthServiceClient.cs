using System.Net.Http.Json;
using Chat.Gateway.Errors;
using Chat.Gateway.Schema.Types;

namespace Chat.Gateway.Services.Auth;

/// <summary>
/// The Auth service's REST API (<c>http://auth</c>, resolved by service discovery). The caller's bearer token is
/// attached by <see cref="Security.BearerTokenForwardingHandler"/>; failures become GraphQL errors.
/// </summary>
public sealed partial class AuthServiceClient(HttpClient http, ILogger<AuthServiceClient> logger)
{
    public const string ServiceName = "auth";

    /// <summary>Auth's limit on ids per lookup.</summary>
    public const int MaxLookupIds = 500;

    public Task<AuthPayload> RegisterAsync(RegisterInput input, CancellationToken cancellationToken) =>
        SendAsync<AuthPayload>(HttpMethod.Post, "/auth/register",
            new { input.Email, input.Username, input.Password }, cancellationToken);

    public Task<AuthPayload> LoginAsync(LoginInput input, CancellationToken cancellationToken) =>
        SendAsync<AuthPayload>(HttpMethod.Post, "/auth/login", new { input.Email, input.Password }, cancellationToken);

    public Task<AuthPayload> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        SendAsync<AuthPayload>(HttpMethod.Post, "/auth/refresh", new { refreshToken }, cancellationToken);

    public Task LogoutAsync(string refreshToken, CancellationToken cancellationToken) =>
        SendAsync<object>(HttpMethod.Post, "/auth/logout", new { refreshToken }, cancellationToken);

    public Task<User> GetMeAsync(CancellationToken cancellationToken) =>
        SendAsync<User>(HttpMethod.Get, "/auth/me", null, cancellationToken);

    /// <summary>Id and username of each user that exists; unknown ids are absent from the result.</summary>
    public async Task<Dictionary<Guid, Schema.Messaging.Participant>> LookupUsersAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        (await SendAsync<List<Schema.Messaging.Participant>>(HttpMethod.Post, "/auth/users/lookup", new { ids }, cancellationToken))
            .ToDictionary(user => user.Id);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (DownstreamResilience.IsUnavailable(ex, cancellationToken))
        {
            LogUnavailable(logger, ex, method.Method, path);
            throw GatewayError.ServiceUnavailable(ServiceName);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                LogRejected(logger, method.Method, path, (int)response.StatusCode);
                throw await DownstreamProblem.ToGatewayErrorAsync(response, ServiceName, cancellationToken);
            }

            if (response.StatusCode == System.Net.HttpStatusCode.NoContent)
            {
                return default!;
            }

            return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
                ?? throw new InvalidOperationException($"Auth answered {path} with an empty body.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auth service unavailable for {Method} {Path}")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Auth service answered {Method} {Path} with {StatusCode}")]
    private static partial void LogRejected(ILogger logger, string method, string path, int statusCode);
}
