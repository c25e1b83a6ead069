namespace Chat.Gateway.Security;

/// <summary>
/// Passes the caller's bearer token on to downstream services, which validate it themselves; the gateway never
/// asserts a user id on the caller's behalf.
/// </summary>
public sealed class BearerTokenForwardingHandler(IHttpContextAccessor httpContextAccessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var authorization = httpContextAccessor.HttpContext?.Request.Headers.Authorization.ToString();
        if (request.Headers.Authorization is null &&
            authorization is not null &&
            authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
