using System.Net;
using System.Text;
using Chat.Tests.Gateway.Support;
using Microsoft.IdentityModel.Tokens;

namespace Chat.Tests.Gateway;

/// <summary>
/// Access tokens are validated at the gateway against the keys Auth publishes (served here by
/// <see cref="AuthKeysServer"/>); only a valid token is forwarded downstream.
/// </summary>
public sealed class JwtValidationTests : IAsyncLifetime
{
    private AuthKeysServer keys = null!;
    private ECDsaSecurityKey signingKey = null!;
    private GatewayFactory factory = null!;
    private HttpClient client = null!;

    public async ValueTask InitializeAsync()
    {
        keys = await AuthKeysServer.StartAsync();
        signingKey = keys.PublishNewKey();
        factory = GatewayFactory.WithAuthAt(keys.Url);
        client = factory.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
        await keys.DisposeAsync();
    }

    [Fact]
    public async Task Me_WithValidToken_IsAuthenticatedAndForwardsTheBearerToken()
    {
        var token = TestTokens.Create(signingKey);

        using var response = await client.SendAsync(GraphQLHttp.Post("{ me { id } }", bearer: token), TestContext.Current.CancellationToken);

        // The keys double answers /auth/me with 404: reaching it at all proves the token passed validation.
        Assert.Equal("NOT_FOUND", (await response.ReadJsonAsync()).FirstErrorCode());
        Assert.Contains(keys.OtherRequests, r => r.Path == "/auth/me" && r.Authorization == "Bearer " + token);
    }

    [Fact]
    public async Task ValidTokens_AreCheckedAgainstCachedKeys_NotWithACallPerRequest()
    {
        for (var i = 0; i < 10; i++)
        {
            using var response = await client.SendAsync(
                GraphQLHttp.Post("{ __typename }", bearer: TestTokens.Create(signingKey)), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, keys.JwksRequests);
    }

    public static TheoryData<string> InvalidTokens() =>
        ["expired", "unknown key", "forged with published kid", "wrong issuer", "wrong audience", "alg none", "HS256 with kid", "garbage"];

    [Theory]
    [MemberData(nameof(InvalidTokens))]
    public async Task Me_WithInvalidToken_IsUnauthenticatedAndNothingIsForwarded(string kind)
    {
        var token = InvalidToken(kind);

        using var response = await client.SendAsync(GraphQLHttp.Post("{ me { id } }", bearer: token), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("UNAUTHENTICATED", (await response.ReadJsonAsync()).FirstErrorCode());
        Assert.Empty(keys.OtherRequests);
    }

    [Fact]
    public async Task Me_WithExpiredToken_SaysTokenExpiredSoTheClientRefreshes()
    {
        var error = await FirstErrorAsync(TestTokens.Create(signingKey, expiresIn: TimeSpan.FromMinutes(-5)));

        Assert.Equal("UNAUTHENTICATED", error["extensions"]?["code"]?.GetValue<string>());
        Assert.Equal("TOKEN_EXPIRED", error["extensions"]?["reason"]?.GetValue<string>());
        Assert.Equal("Access token expired: refresh it (mutation refreshToken) and retry.", error["message"]?.GetValue<string>());
    }

    [Fact]
    public async Task Me_WithoutToken_SaysTokenMissing()
    {
        var error = await FirstErrorAsync(bearer: null);

        Assert.Equal("UNAUTHENTICATED", error["extensions"]?["code"]?.GetValue<string>());
        Assert.Equal("TOKEN_MISSING", error["extensions"]?["reason"]?.GetValue<string>());
        Assert.StartsWith("Authentication required", error["message"]?.GetValue<string>());
    }

    public static TheoryData<string> InvalidNotExpiredTokens() =>
        ["unknown key", "forged with published kid", "wrong issuer", "wrong audience", "alg none", "HS256 with kid", "garbage",
         "expired and unknown key", "expired and forged with published kid"];

    /// <summary>"Expired" is said only of a token that is ours: a forged or foreign one is invalid, whatever its exp.</summary>
    [Theory]
    [MemberData(nameof(InvalidNotExpiredTokens))]
    public async Task Me_WithInvalidToken_SaysTokenInvalid(string kind)
    {
        var error = await FirstErrorAsync(InvalidToken(kind));

        Assert.Equal("UNAUTHENTICATED", error["extensions"]?["code"]?.GetValue<string>());
        Assert.Equal("TOKEN_INVALID", error["extensions"]?["reason"]?.GetValue<string>());
        Assert.Equal("Access token invalid: log in again for a new one.", error["message"]?.GetValue<string>());
    }

    [Fact]
    public async Task Tokens_WithUnknownKeyIds_DoNotMakeTheGatewayRefetchKeysEachTime()
    {
        using (await client.SendAsync(GraphQLHttp.Post("{ me { id } }", bearer: TestTokens.Create(signingKey)), TestContext.Current.CancellationToken))
        {
        }

        var fetchesBefore = keys.JwksRequests;

        for (var i = 0; i < 20; i++)
        {
            using var response = await client.SendAsync(
                GraphQLHttp.Post("{ me { id } }", bearer: TestTokens.Create(TestTokens.NewKey())), TestContext.Current.CancellationToken);
            Assert.Equal("UNAUTHENTICATED", (await response.ReadJsonAsync()).FirstErrorCode());
        }

        // One refetch may follow the first unknown kid; the next are inside the minimum refetch interval.
        Assert.InRange(keys.JwksRequests - fetchesBefore, 0, 1);
    }

    [Fact]
    public async Task Token_SignedWithKeyPublishedAfterStart_IsAcceptedOnceKeysAreRefetched()
    {
        await using var rotating = GatewayFactory.WithAuthAt(keys.Url, ("Jwt:KeyRefetchMinInterval", "00:00:01"));
        using var rotatingClient = rotating.CreateClient();
        using (await rotatingClient.SendAsync(GraphQLHttp.Post("{ me { id } }", bearer: TestTokens.Create(signingKey)), TestContext.Current.CancellationToken))
        {
        }

        var newToken = TestTokens.Create(keys.PublishNewKey());

        // The first request with the new kid asks for a refetch; within a few seconds the new key must validate.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        string? code;
        do
        {
            using var response = await rotatingClient.SendAsync(GraphQLHttp.Post("{ me { id } }", bearer: newToken), TestContext.Current.CancellationToken);
            code = (await response.ReadJsonAsync()).FirstErrorCode();
            if (code != "UNAUTHENTICATED")
            {
                break;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Equal("NOT_FOUND", code);
    }

    [Fact]
    public async Task RateLimit_WithValidToken_CountsPerUserNotPerIp()
    {
        await using var limited = GatewayFactory.WithAuthAt(keys.Url, ("RateLimiting:PermitsPerIp", "1"), ("RateLimiting:PermitsPerUser", "50"));
        using var limitedClient = limited.CreateClient();
        using (var first = await limitedClient.SendAsync(GraphQLHttp.Post("{ __typename }"), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var anonymous = await limitedClient.SendAsync(GraphQLHttp.Post("{ __typename }"), TestContext.Current.CancellationToken);
        using var signedIn = await limitedClient.SendAsync(
            GraphQLHttp.Post("{ __typename }", bearer: TestTokens.Create(signingKey)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    private string InvalidToken(string kind) => kind switch
    {
        "expired" => TestTokens.Create(signingKey, expiresIn: TimeSpan.FromMinutes(-5)),
        "unknown key" => TestTokens.Create(TestTokens.NewKey()),
        "forged with published kid" => TestTokens.Create(new ECDsaSecurityKey(TestTokens.NewKey().ECDsa) { KeyId = signingKey.KeyId }),
        "wrong issuer" => TestTokens.Create(signingKey, issuer: "someone-else"),
        "wrong audience" => TestTokens.Create(signingKey, audience: "other-api"),
        "alg none" => TestTokens.Unsigned(signingKey.KeyId),
        "HS256 with kid" => TestTokens.Create(
            new SymmetricSecurityKey(Encoding.UTF8.GetBytes(new string('k', 64))) { KeyId = signingKey.KeyId },
            algorithm: SecurityAlgorithms.HmacSha256),
        "garbage" => "not-a-jwt",
        "expired and unknown key" => TestTokens.Create(TestTokens.NewKey(), expiresIn: TimeSpan.FromMinutes(-5)),
        "expired and forged with published kid" => TestTokens.Create(
            new ECDsaSecurityKey(TestTokens.NewKey().ECDsa) { KeyId = signingKey.KeyId }, expiresIn: TimeSpan.FromMinutes(-5)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private async Task<System.Text.Json.Nodes.JsonNode> FirstErrorAsync(string? bearer)
    {
        using var response = await client.SendAsync(GraphQLHttp.Post("{ me { id } }", bearer: bearer), TestContext.Current.CancellationToken);
        var body = await response.ReadJsonAsync();
        Assert.Equal(["me"], body["errors"]![0]!["path"]!.AsArray().Select(p => p!.GetValue<string>()));
        return body["errors"]![0]!;
    }
}
