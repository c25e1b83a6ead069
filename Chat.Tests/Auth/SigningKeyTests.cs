using System.Net;
using System.Text.Json;
using Chat.Auth.Endpoints.Contracts;
using Chat.Auth.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Chat.Tests.Auth;

[Collection(AuthCollection.Name)]
public sealed class SigningKeyTests(AuthServiceFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Jwks_ContainsPublicPartOfKeyThatSignedIssuedTokens()
    {
        var api = new AuthApiClient(fixture.Service.CreateClient());
        var session = await api.RegisterNewUserAsync();
        var token = new JsonWebToken(session.AccessToken);

        var jwks = await api.JwksAsync();

        Assert.Equal("ES256", token.Alg);
        var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray(), k => k.GetProperty("kid").GetString() == token.Kid);
        Assert.Equal("EC", key.GetProperty("kty").GetString());
        Assert.Equal("P-256", key.GetProperty("crv").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.Equal("ES256", key.GetProperty("alg").GetString());
        Assert.False(string.IsNullOrEmpty(key.GetProperty("x").GetString()));
        Assert.False(string.IsNullOrEmpty(key.GetProperty("y").GetString()));
        Assert.False(key.TryGetProperty("d", out _), "the private key must never be published");
        AssertSignatureVerifiesWithJwks(session.AccessToken, jwks);
    }

    [Fact]
    public async Task RotateAsync_NewTokensCarryNewKid_OldTokensStayValid()
    {
        var service = fixture.CreateService(AuthServiceFixture.NewDatabaseName());
        var api = new AuthApiClient(service.CreateClient());
        var before = await api.RegisterNewUserAsync();
        var oldKid = new JsonWebToken(before.AccessToken).Kid;

        await service.Services.GetRequiredService<SigningKeyRing>().RotateAsync(Cancellation);

        var after = await api.RegisterNewUserAsync();
        var newKid = new JsonWebToken(after.AccessToken).Kid;
        Assert.NotEqual(oldKid, newKid);
        Assert.Equal(HttpStatusCode.OK, (await api.MeAsync(before.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.MeAsync(after.AccessToken)).StatusCode);
        var kids = Kids(await api.JwksAsync());
        Assert.Contains(oldKid, kids);
        Assert.Contains(newKid, kids);
    }

    [Fact]
    public async Task RotateAsync_RetiredKeyLeavesJwksAfterRetention_AndItsTokensAreRefused()
    {
        var service = fixture.CreateService(AuthServiceFixture.NewDatabaseName(), new Dictionary<string, string?>
        {
            // Retention = access lifetime + skew + refresh interval = 3 s.
            ["Auth:Tokens:AccessTokenLifetime"] = "00:00:02",
            ["Auth:Tokens:ClockSkew"] = "00:00:00",
            ["Auth:Tokens:KeyRefreshInterval"] = "00:00:01",
        });
        var api = new AuthApiClient(service.CreateClient());
        var before = await api.RegisterNewUserAsync();
        var oldKid = new JsonWebToken(before.AccessToken).Kid;

        await service.Services.GetRequiredService<SigningKeyRing>().RotateAsync(Cancellation);
        Assert.Contains(oldKid, Kids(await api.JwksAsync()));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Kids(await api.JwksAsync()).Contains(oldKid))
        {
            Assert.True(DateTime.UtcNow < deadline, "the retired key stayed in the JWKS past its retention");
            await Task.Delay(200, Cancellation);
        }

        Assert.Single(Kids(await api.JwksAsync()));
        await AuthApiClient.ReadProblemAsync(await api.MeAsync(before.AccessToken), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Restart_KeepsSigningKeys_SoIssuedTokensStayValid()
    {
        var database = AuthServiceFixture.NewDatabaseName();
        var first = fixture.CreateService(database);
        var session = await new AuthApiClient(first.CreateClient()).RegisterNewUserAsync();
        var kid = new JsonWebToken(session.AccessToken).Kid;
        await first.DisposeAsync();

        var restarted = new AuthApiClient(fixture.CreateService(database).CreateClient());

        Assert.Equal([kid], Kids(await restarted.JwksAsync()));
        var me = await AuthApiClient.ReadAsync<UserDto>(await restarted.MeAsync(session.AccessToken), HttpStatusCode.OK);
        Assert.Equal(session.User.Id, me.Id);
        await AuthApiClient.ReadAsync<AuthResult>(await restarted.RefreshAsync(session.RefreshToken), HttpStatusCode.OK);
    }

    [Fact]
    public async Task ConcurrentFirstStart_OfSeveralInstances_CreatesOneActiveKey()
    {
        var database = AuthServiceFixture.NewDatabaseName();
        await fixture.Postgres.CreateDatabaseAsync(database);
        var instances = Enumerable.Range(0, 3).Select(_ => fixture.CreateService(database)).ToList();

        var keySets = await Task.WhenAll(instances.Select(instance => Task.Run(() => new AuthApiClient(instance.CreateClient()).JwksAsync())));

        var kids = keySets.Select(Kids).ToList();
        Assert.All(kids, k => Assert.Single(k));
        Assert.Single(kids.SelectMany(k => k).Distinct());
        // A token of one instance is valid at another.
        var session = await new AuthApiClient(instances[0].CreateClient()).RegisterNewUserAsync();
        Assert.Equal(HttpStatusCode.OK, (await new AuthApiClient(instances[2].CreateClient()).MeAsync(session.AccessToken)).StatusCode);
    }

    private static List<string> Kids(JsonElement jwks) =>
        [.. jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!)];

    private static void AssertSignatureVerifiesWithJwks(string token, JsonElement jwks)
    {
        // What the gateway does: validate with nothing but the published keys.
        var keySet = new Microsoft.IdentityModel.Tokens.JsonWebKeySet(jwks.GetRawText());
        var result = new JsonWebTokenHandler().ValidateTokenAsync(token, new Microsoft.IdentityModel.Tokens.TokenValidationParameters
        {
            ValidIssuer = "chat-auth",
            ValidAudience = "chat",
            IssuerSigningKeys = keySet.GetSigningKeys(),
            ValidAlgorithms = ["ES256"],
        }).GetAwaiter().GetResult();
        Assert.True(result.IsValid, result.Exception?.Message);
    }
}
