using Chat.Auth.Configuration;
using Chat.Auth.Domain;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Chat.Auth.Security;

/// <summary>Signs ES256 access tokens with the active key; the header carries its <c>kid</c>.</summary>
public sealed class AccessTokenIssuer(SigningKeyRing keys, TimeProvider clock, IOptions<TokenOptions> options)
{
    private static readonly JsonWebTokenHandler Handler = new();

    public IssuedAccessToken Issue(User user)
    {
        var settings = options.Value;
        // JWT times have whole seconds; the reported expiry must equal the token's exp.
        var now = DateTimeOffset.FromUnixTimeSeconds(clock.GetUtcNow().ToUnixTimeSeconds());
        var expiresAt = now + settings.AccessTokenLifetime;
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = keys.SigningCredentials,
            Claims = new Dictionary<string, object>
            {
                [AuthClaims.Subject] = user.Id.ToString(),
                [AuthClaims.Email] = user.Email,
                [AuthClaims.Username] = user.Username,
                [AuthClaims.TokenId] = Guid.NewGuid().ToString(),
            },
        });
        return new IssuedAccessToken(token, expiresAt);
    }
}
