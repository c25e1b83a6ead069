using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Chat.Gateway.Security;

/// <summary>
/// When the signing keys cannot be fetched at all (Auth down before the first JWKS download), a token cannot be
/// judged: the request continues anonymously, but resolvers report SERVICE_UNAVAILABLE instead of blaming the token.
/// </summary>
public static class SigningKeysUnavailable
{
    private static readonly object Marker = new();

    public static bool IsMarked(HttpContext? context) => context?.Items.ContainsKey(Marker) == true;

    public static Task OnAuthenticationFailed(AuthenticationFailedContext context)
    {
        // IdentityModel reports a failed key download (IDX20803) as InvalidOperationException; bad tokens raise
        // SecurityTokenException or ArgumentException subtypes and keep their normal failure.
        if (context.Exception is InvalidOperationException)
        {
            context.HttpContext.Items[Marker] = true;
            context.NoResult();
        }

        return Task.CompletedTask;
    }
}
