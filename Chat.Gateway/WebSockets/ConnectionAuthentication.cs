using System.Text.Json;
using Chat.Gateway.Security;

namespace Chat.Gateway.WebSockets;

/// <summary>
/// Who a connection belongs to and until when. The token comes in <c>connection_init</c> (or a later <c>ping</c>)
/// as <c>{ "Authorization": "Bearer &lt;jwt&gt;" }</c> or <c>{ "token": "&lt;jwt&gt;" }</c>. It is copied onto the
/// upgrade request (User and Authorization header), so resolvers and the bearer-forwarding handler see it exactly as
/// on HTTP. When it expires, the connection closes with 4403 unless a fresh token for the same user arrived first; an
/// already expired token closes it with the same 4403 reason, "Forbidden: access token expired".
/// </summary>
internal sealed class ConnectionAuthentication(WebSocketConnection connection, HttpContext httpContext) : IDisposable
{
    /// <summary>The close reason for an expired token, at <c>connection_init</c> or when it runs out later.</summary>
    public const string ExpiredReason = "Forbidden: access token expired";

    private ITimer? expiry;

    public bool IsAuthenticated { get; private set; }

    public Guid UserId { get; private set; }

    public string? AccessToken { get; private set; }

    public async Task<bool> AuthenticateAsync(JsonElement? payload, AccessTokenValidator validator, CancellationToken cancellationToken)
    {
        if (ReadToken(payload) is not { } token)
        {
            connection.Close(CloseCodes.Forbidden, "Forbidden: connection_init needs an access token");
            return false;
        }

        var validation = await validator.ValidateAsync(token, cancellationToken);
        if (validation.KeysUnavailable)
        {
            connection.Close(CloseCodes.TryAgainLater, "Try again later: access tokens cannot be checked now");
            return false;
        }

        if (validation.TokenExpired)
        {
            // Distinct from a bad token: the client should refresh and reconnect, not send the user to log in.
            connection.Close(CloseCodes.Forbidden, ExpiredReason);
            return false;
        }

        if (!validation.IsValid || (IsAuthenticated && validation.UserId != UserId))
        {
            connection.Close(CloseCodes.Forbidden, "Forbidden");
            return false;
        }

        UserId = validation.UserId;
        AccessToken = token;
        httpContext.User = validation.Principal!;
        httpContext.Request.Headers.Authorization = "Bearer " + token;
        ScheduleExpiry(validation.ExpiresAtUtc);
        IsAuthenticated = true;
        return true;
    }

    public static string? ReadToken(JsonElement? payload)
    {
        if (payload is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String || property.Value.GetString() is not { Length: > 0 } text)
            {
                continue;
            }
            if (property.NameEquals("token"))
            {
                return text;
            }
            if (property.Name.Equals("authorization", StringComparison.OrdinalIgnoreCase) &&
                text.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return text["Bearer ".Length..].Trim();
            }
        }
        return null;
    }

    private void ScheduleExpiry(DateTime expiresAtUtc)
    {
        var dueTime = expiresAtUtc - DateTime.UtcNow;
        if (dueTime < TimeSpan.Zero)
        {
            dueTime = TimeSpan.Zero;
        }
        expiry?.Dispose();
        expiry = TimeProvider.System.CreateTimer(
            _ => connection.Close(CloseCodes.Forbidden, ExpiredReason), null, dueTime, Timeout.InfiniteTimeSpan);
    }

    public void Dispose() => expiry?.Dispose();
}
