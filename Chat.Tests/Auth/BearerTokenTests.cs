using System.Net;
using System.Security.Cryptography;
using System.Text;
using Chat.Auth.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Chat.Tests.Auth;

[Collection(AuthCollection.Name)]
public sealed class BearerTokenTests(AuthServiceFixture fixture)
{
    private readonly AuthApiClient _api = new(fixture.Service.CreateClient());

    [Fact]
    public async Task Me_WithExpiredToken_Returns401Problem()
    {
        var session = await _api.RegisterNewUserAsync();
        var keys = fixture.Service.Services.GetRequiredService<SigningKeyRing>();
        var past = DateTime.UtcNow.AddHours(-2);

        var expired = Sign(session.User.Id, keys.SigningCredentials, issuedAt: past, expires: past.AddHours(1));

        await AssertRefusedAsync(expired);
    }

    [Fact]
    public async Task Me_WithExpiredToken_SaysSoInWwwAuthenticateAndTheProblem()
    {
        var session = await _api.RegisterNewUserAsync();
        var keys = fixture.Service.Services.GetRequiredService<SigningKeyRing>();
        var past = DateTime.UtcNow.AddHours(-2);

        var response = await _api.MeAsync(Sign(session.User.Id, keys.SigningCredentials, issuedAt: past, expires: past.AddHours(1)));

        var problem = await AuthApiClient.ReadProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("TOKEN_EXPIRED", problem.GetProperty("reason").GetString());
        Assert.Equal("The access token expired: refresh it and retry.", problem.GetProperty("detail").GetString());
        // JwtBearer's own RFC 6750 challenge, with the instant the token expired.
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.StartsWith("error=\"invalid_token\", error_description=\"The token expired at '", challenge.Parameter);
    }

    [Fact]
    public async Task Me_WithForgedToken_IsInvalidNotExpired_EvenWhenItsExpiryHasPassed()
    {
        var session = await _api.RegisterNewUserAsync();
        var ourKid = new JsonWebToken(session.AccessToken).Kid;
        var foreignKey = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = ourKid };
        var past = DateTime.UtcNow.AddHours(-2);

        var response = await _api.MeAsync(Sign(session.User.Id, new SigningCredentials(foreignKey, SecurityAlgorithms.EcdsaSha256),
            issuedAt: past, expires: past.AddHours(1)));

        var problem = await AuthApiClient.ReadProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("TOKEN_INVALID", problem.GetProperty("reason").GetString());
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.StartsWith("error=\"invalid_token\"", challenge.Parameter);
        Assert.DoesNotContain("expired", challenge.Parameter);
    }

    [Fact]
    public async Task Me_WithExpiredTokenOfAnUnknownKid_IsInvalidNotExpired()
    {
        // IdentityModel reports the lifetime first when it knows no key for the kid: still not a token of ours.
        var session = await _api.RegisterNewUserAsync();
        var foreignKey = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "someone-elses-key" };
        var past = DateTime.UtcNow.AddHours(-2);

        var response = await _api.MeAsync(Sign(session.User.Id, new SigningCredentials(foreignKey, SecurityAlgorithms.EcdsaSha256),
            issuedAt: past, expires: past.AddHours(1)));

        var problem = await AuthApiClient.ReadProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("TOKEN_INVALID", problem.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Me_WithoutToken_ChallengesWithoutAnErrorAndSaysTokenMissing()
    {
        var response = await _api.MeAsync(null);

        var problem = await AuthApiClient.ReadProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("TOKEN_MISSING", problem.GetProperty("reason").GetString());
        // RFC 6750 §3.1: a request without credentials gets the bare challenge, no error code.
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Null(challenge.Parameter);
    }

    [Fact]
    public async Task Login_WithWrongPassword_Is401WithoutATokenReason()
    {
        var (email, username, password) = AuthApiClient.NewCredentials();
        await AuthApiClient.ReadAsync<System.Text.Json.JsonElement>(await _api.RegisterAsync(email, username, password), HttpStatusCode.Created);

        var problem = await AuthApiClient.ReadProblemAsync(await _api.LoginAsync(email, password + "x"), HttpStatusCode.Unauthorized);

        // Credentials, not a token, were refused: "refresh" or "send a token" would be the wrong advice.
        Assert.False(problem.TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task Me_WithTokenSignedByForeignKeyUnderOurKid_Returns401Problem()
    {
        var session = await _api.RegisterNewUserAsync();
        var ourKid = new JsonWebToken(session.AccessToken).Kid;
        var foreignKey = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = ourKid };

        var forged = Sign(session.User.Id, new SigningCredentials(foreignKey, SecurityAlgorithms.EcdsaSha256));

        await AssertRefusedAsync(forged);
    }

    [Fact]
    public async Task Me_WithTokenSignedByUnknownKid_Returns401Problem()
    {
        var session = await _api.RegisterNewUserAsync();
        var foreignKey = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "someone-elses-key" };

        await AssertRefusedAsync(Sign(session.User.Id, new SigningCredentials(foreignKey, SecurityAlgorithms.EcdsaSha256)));
    }

    [Fact]
    public async Task Me_WithUnsignedAlgNoneToken_Returns401Problem()
    {
        var session = await _api.RegisterNewUserAsync();
        var real = new JsonWebToken(session.AccessToken);
        var header = Base64UrlEncoder.Encode($$"""{"alg":"none","typ":"JWT","kid":"{{real.Kid}}"}""");
        var payload = session.AccessToken.Split('.')[1];

        await AssertRefusedAsync($"{header}.{payload}.");
    }

    [Fact]
    public async Task Me_WithHs256TokenKeyedOnOurPublicKey_Returns401Problem()
    {
        var session = await _api.RegisterNewUserAsync();
        var real = new JsonWebToken(session.AccessToken);
        // The classic algorithm-confusion attack: an HMAC keyed with material the attacker can know.
        var hmacKey = new SymmetricSecurityKey(SHA256.HashData(Encoding.UTF8.GetBytes(real.Kid))) { KeyId = real.Kid };

        await AssertRefusedAsync(Sign(session.User.Id, new SigningCredentials(hmacKey, SecurityAlgorithms.HmacSha256)));
    }

    [Fact]
    public async Task Me_WithWrongAudience_Returns401Problem()
    {
        var session = await _api.RegisterNewUserAsync();
        var keys = fixture.Service.Services.GetRequiredService<SigningKeyRing>();

        await AssertRefusedAsync(Sign(session.User.Id, keys.SigningCredentials, audience: "another-app"));
    }

    [Fact]
    public async Task Me_WithOurOwnSigningKey_IsAccepted()
    {
        // Proves the forged-token tests above fail for the reason they name, not for a malformed token.
        var session = await _api.RegisterNewUserAsync();
        var keys = fixture.Service.Services.GetRequiredService<SigningKeyRing>();

        var response = await _api.MeAsync(Sign(session.User.Id, keys.SigningCredentials));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    public async Task MeAndValidate_WithMissingOrGarbageToken_Return401Problem(string? token)
    {
        await AssertRefusedAsync(token);
    }

    [Fact]
    public async Task Me_WithNonBearerScheme_Returns401Problem()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/auth/me");
        request.Headers.TryAddWithoutValidation("Authorization", "Basic dXNlcjpwYXNz");

        var response = await _api.Http.SendAsync(request, TestContext.Current.CancellationToken);

        await AuthApiClient.ReadProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    private async Task AssertRefusedAsync(string? token)
    {
        await AuthApiClient.ReadProblemAsync(await _api.MeAsync(token), HttpStatusCode.Unauthorized);
        var validate = await _api.ValidateAsync(token);
        await AuthApiClient.ReadProblemAsync(validate, HttpStatusCode.Unauthorized);
        Assert.Contains(validate.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    private static string Sign(
        Guid userId, SigningCredentials credentials, DateTime? issuedAt = null, DateTime? expires = null, string audience = "chat")
    {
        var now = issuedAt ?? DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "chat-auth",
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = expires ?? now.AddMinutes(10),
            SigningCredentials = credentials,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = userId.ToString(),
                ["email"] = "x@example.test",
                ["username"] = "x",
                ["jti"] = Guid.NewGuid().ToString(),
            },
        });
    }
}
