using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Chat.Tests.Gateway.Support;

/// <summary>Access tokens shaped like Auth's (ES256, issuer <c>chat-auth</c>, audience <c>chat</c>), signed in the test.</summary>
public static class TestTokens
{
    public static ECDsaSecurityKey NewKey() =>
        new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = Guid.NewGuid().ToString("N") };

    public static string Create(
        SecurityKey key,
        Guid? userId = null,
        TimeSpan? expiresIn = null,
        string issuer = "chat-auth",
        string audience = "chat",
        string algorithm = SecurityAlgorithms.EcdsaSha256)
    {
        var expires = DateTime.UtcNow + (expiresIn ?? TimeSpan.FromHours(1));
        var issuedAt = expires - TimeSpan.FromHours(2) < DateTime.UtcNow ? expires - TimeSpan.FromHours(2) : DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = (userId ?? Guid.NewGuid()).ToString(),
                ["email"] = "alice@example.com",
                ["username"] = "alice",
            },
            SigningCredentials = new SigningCredentials(key, algorithm),
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise valid claims.</summary>
    public static string Unsigned(string kid)
    {
        static string Part(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var header = Part($$"""{"alg":"none","typ":"JWT","kid":"{{kid}}"}""");
        var payload = Part($$"""{"sub":"{{Guid.NewGuid()}}","iss":"chat-auth","aud":"chat","exp":{{exp}}}""");
        return header + "." + payload + ".";
    }
}
