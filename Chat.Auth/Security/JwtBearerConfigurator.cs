using Chat.Auth.Configuration;
using Chat.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Chat.Auth.Security;

/// <summary>
/// Validates bearer tokens against our own key ring: issuer, audience, lifetime (small skew), and only ES256
/// signatures by a key we hold, chosen by <c>kid</c>; unsigned (<c>alg: none</c>) and HMAC tokens are refused.
/// </summary>
public sealed class JwtBearerConfigurator(SigningKeyRing keys, IOptions<TokenOptions> options) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions bearer)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme)
        {
            return;
        }

        var settings = options.Value;
        bearer.MapInboundClaims = false;
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Audience,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            IssuerSigningKeyResolver = (_, _, kid, _) => keys.Resolve(kid),
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = settings.ClockSkew,
            NameClaimType = AuthClaims.Username,
        };
        // The 401 problem then says whether to refresh (expired) or log in again, as the other services' do.
        bearer.Events = new JwtBearerEvents { OnAuthenticationFailed = TokenRejectionEvents.OnAuthenticationFailed };
    }

    public void Configure(JwtBearerOptions bearer) => Configure(Options.DefaultName, bearer);
}
