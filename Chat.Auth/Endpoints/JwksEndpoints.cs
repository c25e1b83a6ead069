using Chat.Auth.Endpoints.Contracts;
using Chat.Auth.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.IdentityModel.Tokens;

namespace Chat.Auth.Endpoints;

public static class JwksEndpoints
{
    public const string Path = "/.well-known/jwks.json";

    public static IEndpointRouteBuilder MapJwksEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, GetKeySet);
        return app;
    }

    /// <summary>Public halves of every key that still verifies; validators re-fetch when they meet an unknown kid.</summary>
    public static Ok<PublicKeySet> GetKeySet(SigningKeyRing keys, HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=60";
        var published = keys.VerificationKeys.Select(key =>
        {
            var point = key.ECDsa.ExportParameters(includePrivateParameters: false).Q;
            return new PublicJsonWebKey(key.KeyId, Base64UrlEncoder.Encode(point.X!), Base64UrlEncoder.Encode(point.Y!));
        });
        return TypedResults.Ok(new PublicKeySet([.. published]));
    }
}
