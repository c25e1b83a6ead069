using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Chat.ServiceDefaults.Authentication;

/// <summary>
/// Validates access tokens locally against Auth's published keys: ES256 only, issuer and audience from
/// <see cref="JwtValidationOptions"/>. A failed token leaves the caller anonymous, with the cause recorded
/// (<see cref="TokenRejection"/>); resolvers that need a user then answer UNAUTHENTICATED with that reason, while
/// register/login keep working.
/// </summary>
public sealed class ConfigureJwtBearerOptions(
    IOptions<JwtValidationOptions> settings,
    IConfigurationManager<OpenIdConnectConfiguration> signingKeys) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name == JwtBearerDefaults.AuthenticationScheme)
        {
            Configure(options);
        }
    }

    public void Configure(JwtBearerOptions options)
    {
        var jwt = settings.Value;
        options.ConfigurationManager = signingKeys;
        options.RefreshOnIssuerKeyNotFound = true;
        options.MapInboundClaims = false;
        options.RequireHttpsMetadata = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidAudience = jwt.Audience,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = jwt.ClockSkew,
            NameClaimType = "username",
        };
        options.Events = new JwtBearerEvents { OnAuthenticationFailed = OnAuthenticationFailed };
    }

    /// <summary>Keys that could not be fetched say nothing about the token: only a judged token is recorded as rejected.</summary>
    private static async Task OnAuthenticationFailed(AuthenticationFailedContext context)
    {
        await SigningKeysUnavailable.OnAuthenticationFailed(context);
        if (!SigningKeysUnavailable.IsMarked(context.HttpContext))
        {
            await TokenRejectionEvents.OnAuthenticationFailed(context);
        }
    }
}
