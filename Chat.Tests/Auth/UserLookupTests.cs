using System.Net;
using Chat.Auth.Endpoints.Contracts;

namespace Chat.Tests.Auth;

[Collection(AuthCollection.Name)]
public sealed class UserLookupTests(AuthServiceFixture fixture)
{
    private readonly AuthApiClient _api = new(fixture.Service.CreateClient());

    [Fact]
    public async Task Lookup_WithKnownAndUnknownIds_ReturnsOnlyExistingUsers()
    {
        var caller = await _api.RegisterNewUserAsync();
        var other = await _api.RegisterNewUserAsync();
        var unknown = Guid.NewGuid();

        var response = await _api.LookupAsync(caller.AccessToken, [caller.User.Id, other.User.Id, unknown, other.User.Id]);

        var users = await AuthApiClient.ReadAsync<List<UserSummary>>(response, HttpStatusCode.OK);
        Assert.Equal(2, users.Count);
        Assert.Contains(new UserSummary(caller.User.Id, caller.User.Username), users);
        Assert.Contains(new UserSummary(other.User.Id, other.User.Username), users);
    }

    [Fact]
    public async Task Lookup_WithEmptyList_ReturnsEmptyList()
    {
        var caller = await _api.RegisterNewUserAsync();

        var users = await AuthApiClient.ReadAsync<List<UserSummary>>(await _api.LookupAsync(caller.AccessToken, []), HttpStatusCode.OK);

        Assert.Empty(users);
    }

    [Fact]
    public async Task Lookup_WithMoreThan500Ids_Returns400ValidationProblem()
    {
        var caller = await _api.RegisterNewUserAsync();

        var response = await _api.LookupAsync(caller.AccessToken, Enumerable.Range(0, 501).Select(_ => Guid.NewGuid()));

        var problem = await AuthApiClient.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("ids", out _));
    }

    [Fact]
    public async Task Lookup_With500Ids_Succeeds()
    {
        var caller = await _api.RegisterNewUserAsync();

        var response = await _api.LookupAsync(caller.AccessToken, [caller.User.Id, .. Enumerable.Range(0, 499).Select(_ => Guid.NewGuid())]);

        Assert.Single(await AuthApiClient.ReadAsync<List<UserSummary>>(response, HttpStatusCode.OK));
    }

    [Fact]
    public async Task Lookup_WithoutBearer_Returns401Problem()
    {
        var response = await _api.LookupAsync(null, [Guid.NewGuid()]);

        await AuthApiClient.ReadProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
