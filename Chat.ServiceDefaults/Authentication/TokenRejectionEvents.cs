using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Primitives;

namespace Chat.ServiceDefaults.Authentication;

/// <summary>JwtBearer's hook that records a <see cref="TokenRejection"/> for every token it refuses.</summary>
public static class TokenRejectionEvents
{
    public static async Task OnAuthenticationFailed(AuthenticationFailedContext context)
    {
        if (!TokenRejection.IsExpiry(context.Exception) || BearerToken(context.Request.Headers.Authorization) is not { } token)
        {
            TokenRejection.Record(context.HttpContext, TokenRejection.Invalid);
            return;
        }

        var parameters = context.Options.TokenValidationParameters.Clone();
        // Services validate against Auth's published keys (a configuration manager, already cached: this token was
        // just checked with them); Auth itself resolves its own keys in the parameters.
        if (context.Options.ConfigurationManager is { } keys)
        {
            try
            {
                parameters.IssuerSigningKeys = (await keys.GetConfigurationAsync(context.HttpContext.RequestAborted)).SigningKeys;
            }
            catch (InvalidOperationException)
            {
                // Keys gone since: the token cannot be judged further, so no reason is claimed.
                return;
            }
        }

        TokenRejection.Record(context.HttpContext, await TokenRejection.ClassifyAsync(token, context.Exception, parameters));
    }

    private static string? BearerToken(StringValues authorization)
    {
        var value = authorization.ToString();
        return value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value["Bearer ".Length..].Trim() : null;
    }
}
