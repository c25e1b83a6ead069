using System.Net;
using Chat.Auth.Data;
using Chat.Auth.Endpoints.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Tests.Auth;

[Collection(AuthCollection.Name)]
public sealed class RefreshTokenTests(AuthServiceFixture fixture)
{
    private readonly AuthApiClient _api = new(fixture.Service.CreateClient());

    [Fact]
    public async Task Refresh_WithRotatedToken_Returns401AndRevokesWholeFamily()
    {
        var session = await _api.RegisterNewUserAsync();
        var rotated = await AuthApiClient.ReadAsync<AuthResult>(await _api.RefreshAsync(session.RefreshToken), HttpStatusCode.OK);

        var reuse = await _api.RefreshAsync(session.RefreshToken);

        await AuthApiClient.ReadProblemAsync(reuse, HttpStatusCode.Unauthorized);
        // The thief's or the owner's newer token dies with the family.
        await AuthApiClient.ReadProblemAsync(await _api.RefreshAsync(rotated.RefreshToken), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_WithRotatedToken_LeavesOtherFamiliesOfSameUserAlone()
    {
        var (email, username, password) = AuthApiClient.NewCredentials();
        var first = await AuthApiClient.ReadAsync<AuthResult>(await _api.RegisterAsync(email, username, password), HttpStatusCode.Created);
        var otherDevice = await AuthApiClient.ReadAsync<AuthResult>(await _api.LoginAsync(email, password), HttpStatusCode.OK);
        await AuthApiClient.ReadAsync<AuthResult>(await _api.RefreshAsync(first.RefreshToken), HttpStatusCode.OK);

        await AuthApiClient.ReadProblemAsync(await _api.RefreshAsync(first.RefreshToken), HttpStatusCode.Unauthorized);

        await AuthApiClient.ReadAsync<AuthResult>(await _api.RefreshAsync(otherDevice.RefreshToken), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refresh_WhenSameTokenUsedConcurrently_MintsExactlyOneChild()
    {
        var session = await _api.RegisterNewUserAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _api.RefreshAsync(session.RefreshToken)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        // One refresh claims the token; the others either lose the race or arrive after it, and count as reuse.
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) == 1, string.Join(",", statuses));
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.Unauthorized }));
        await using var scope = fixture.Service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuthDbContext>();
        var family = await db.RefreshTokens.Where(t => t.UserId == session.User.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.True(family.Count == 2, $"{family.Count} tokens in the family: the original and exactly one successor");
        Assert.All(family, t => Assert.NotNull(t.RevokedAt));
    }

    [Fact]
    public async Task Refresh_WithUnknownToken_Returns401Problem()
    {
        var response = await _api.RefreshAsync("not-a-token-we-issued");

        await AuthApiClient.ReadProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_WithMissingToken_Returns400ValidationProblem()
    {
        var response = await _api.Http.PostAsync("/auth/refresh", System.Net.Http.Json.JsonContent.Create(new { }), TestContext.Current.CancellationToken);

        var problem = await AuthApiClient.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("refreshToken", out _));
    }

    [Fact]
    public async Task Logout_RevokesFamily_EvenItsEarlierRotatedTokens()
    {
        var session = await _api.RegisterNewUserAsync();
        var rotated = await AuthApiClient.ReadAsync<AuthResult>(await _api.RefreshAsync(session.RefreshToken), HttpStatusCode.OK);

        var logout = await _api.LogoutAsync(rotated.AccessToken, session.RefreshToken);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        await AuthApiClient.ReadProblemAsync(await _api.RefreshAsync(rotated.RefreshToken), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_WhenTokenExpired_Returns401Problem()
    {
        var service = fixture.CreateService(AuthServiceFixture.NewDatabaseName(),
            new Dictionary<string, string?> { ["Auth:Tokens:RefreshTokenLifetime"] = "00:00:01" });
        var api = new AuthApiClient(service.CreateClient());
        var session = await api.RegisterNewUserAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);

        var response = await api.RefreshAsync(session.RefreshToken);

        await AuthApiClient.ReadProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
