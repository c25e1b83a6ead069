using System.Net;
using Chat.Auth.Endpoints.Contracts;

namespace Chat.Tests.Auth;

[Collection(AuthCollection.Name)]
public sealed class AuthFlowTests(AuthServiceFixture fixture)
{
    private readonly AuthApiClient _api = new(fixture.Service.CreateClient());

    [Fact]
    public async Task RegisterLoginMeRefreshLogout_WhenUsedInOrder_BehaveAsSessionLifecycle()
    {
        var (email, username, password) = AuthApiClient.NewCredentials();

        var registered = await AuthApiClient.ReadAsync<AuthResult>(
            await _api.RegisterAsync(email.ToUpperInvariant(), username, password), HttpStatusCode.Created);
        Assert.Equal(email, registered.User.Email);
        Assert.Equal(username, registered.User.Username);

        var login = await AuthApiClient.ReadAsync<AuthResult>(await _api.LoginAsync(email, password), HttpStatusCode.OK);
        Assert.Equal(registered.User.Id, login.User.Id);
        Assert.InRange(login.AccessTokenExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
        Assert.InRange(login.RefreshTokenExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromDays(6.9), TimeSpan.FromDays(7.1));

        var me = await AuthApiClient.ReadAsync<UserDto>(await _api.MeAsync(login.AccessToken), HttpStatusCode.OK);
        Assert.Equal(registered.User.Id, me.Id);

        var refreshed = await AuthApiClient.ReadAsync<AuthResult>(await _api.RefreshAsync(login.RefreshToken), HttpStatusCode.OK);
        Assert.NotEqual(login.RefreshToken, refreshed.RefreshToken);
        Assert.NotEqual(login.AccessToken, refreshed.AccessToken);
        await AuthApiClient.ReadAsync<UserDto>(await _api.MeAsync(refreshed.AccessToken), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NoContent, (await _api.LogoutAsync(refreshed.AccessToken, refreshed.RefreshToken)).StatusCode);
        await AuthApiClient.ReadProblemAsync(await _api.RefreshAsync(refreshed.RefreshToken), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Register_ReturnsAuthResultShape()
    {
        var (email, username, password) = AuthApiClient.NewCredentials();

        var response = await _api.RegisterAsync(email, username, password);

        var body = await AuthApiClient.ReadAsync<System.Text.Json.JsonElement>(response, HttpStatusCode.Created);
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        foreach (var property in new[] { "accessToken", "refreshToken", "accessTokenExpiresAt", "refreshTokenExpiresAt" })
        {
            Assert.False(string.IsNullOrEmpty(body.GetProperty(property).GetString()), property);
        }

        var user = body.GetProperty("user");
        Assert.Equal(email, user.GetProperty("email").GetString());
        Assert.True(user.TryGetProperty("createdAt", out _));
        Assert.False(user.TryGetProperty("passwordHash", out _));
    }

    [Fact]
    public async Task Validate_WithValidToken_ReturnsIdentity()
    {
        var session = await _api.RegisterNewUserAsync();

        var validation = await AuthApiClient.ReadAsync<TokenValidationResult>(
            await _api.ValidateAsync(session.AccessToken), HttpStatusCode.OK);

        Assert.True(validation.Valid);
        Assert.Equal(session.User.Id, validation.UserId);
        Assert.Equal(session.User.Email, validation.Email);
        Assert.Equal(session.User.Username, validation.Username);
    }

    [Fact]
    public async Task Logout_WithAnotherUsersRefreshToken_IsNoOp()
    {
        var victim = await _api.RegisterNewUserAsync();
        var attacker = await _api.RegisterNewUserAsync();

        var response = await _api.LogoutAsync(attacker.AccessToken, victim.RefreshToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await AuthApiClient.ReadAsync<AuthResult>(await _api.RefreshAsync(victim.RefreshToken), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logout_WithoutBearer_Returns401Problem()
    {
        var session = await _api.RegisterNewUserAsync();

        var response = await _api.LogoutAsync(null, session.RefreshToken);

        await AuthApiClient.ReadProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
