using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Chat.Tests.Gateway.Support;

/// <summary>
/// A test double for Auth's signing keys only: a real Kestrel endpoint serving <c>/.well-known/jwks.json</c> for
/// keys generated in the test, so the gateway's JWT validation (the unit under test) runs against real HTTP
/// without the Auth service. Every other path is recorded with the Authorization header it carried, which shows
/// what the gateway forwards, and answered by <see cref="AnswerOthers"/> (404 unless a test scripts another answer).
/// End-to-end tests use the real Auth service.
/// </summary>
public sealed class AuthKeysServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, ECDsaSecurityKey> published = new();
    private int jwksRequests;

    private AuthKeysServer(WebApplication app) => this.app = app;

    public Uri Url { get; private set; } = null!;

    public int JwksRequests => Volatile.Read(ref jwksRequests);

    /// <summary>The answer to a request for any other path; a 404 problem by default.</summary>
    public Func<HttpContext, IResult> AnswerOthers { get; set; } = _ =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: "Not served by the keys test double.");

    /// <summary>Requests to any other path: (path, Authorization header).</summary>
    public ConcurrentQueue<(string Path, string? Authorization)> OtherRequests { get; } = new();

    /// <summary>Starts on <paramref name="url"/>, or on a free loopback port.</summary>
    public static async Task<AuthKeysServer> StartAsync(Uri? url = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url?.ToString() ?? "http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new AuthKeysServer(builder.Build());
        server.app.MapGet("/.well-known/jwks.json", server.Jwks);
        server.app.MapFallback(server.Other);
        await server.app.StartAsync();
        var address = server.app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single();
        server.Url = new Uri(address);
        return server;
    }

    /// <summary>Generates a P-256 key, publishes it in the JWKS and returns it for signing tokens.</summary>
    public ECDsaSecurityKey PublishNewKey()
    {
        var key = TestTokens.NewKey();
        published[key.KeyId] = key;
        return key;
    }

    private IResult Jwks()
    {
        Interlocked.Increment(ref jwksRequests);
        var keys = published.Values.Select(key =>
        {
            var parameters = key.ECDsa.ExportParameters(includePrivateParameters: false);
            return new Dictionary<string, string>
            {
                ["kty"] = "EC",
                ["crv"] = "P-256",
                ["x"] = Base64UrlEncoder.Encode(parameters.Q.X),
                ["y"] = Base64UrlEncoder.Encode(parameters.Q.Y),
                ["kid"] = key.KeyId,
                ["use"] = "sig",
                ["alg"] = "ES256",
            };
        });
        return Results.Json(new { keys });
    }

    private IResult Other(HttpContext context)
    {
        OtherRequests.Enqueue((context.Request.Path, context.Request.Headers.Authorization.FirstOrDefault()));
        return AnswerOthers(context);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
