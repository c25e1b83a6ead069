using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Chat.ServiceDefaults.Authentication;

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
        // IdentityModel validates against an empty key set when the JWKS download failed (key not found), or
        // reports the failed download itself (InvalidOperationException, IDX20803).
        var keysMissing = context.Exception is InvalidOperationException ||
            (context.Exception is SecurityTokenSignatureKeyNotFoundException &&
             !context.HttpContext.RequestServices.GetRequiredService<JwksConfigurationRetriever>().HasKeys);
        if (keysMissing)
        {
            context.HttpContext.Items[Marker] = true;
            if (context.Exception is InvalidOperationException)
            {
                context.NoResult();
            }
        }

        return Task.CompletedTask;
    }
}
