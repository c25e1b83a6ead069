using System.Net;
using System.Text.Json;

namespace Chat.Tests.Auth;

[Collection(AuthCollection.Name)]
public sealed class RegistrationTests(AuthServiceFixture fixture)
{
    private readonly AuthApiClient _api = new(fixture.Service.CreateClient());

    [Fact]
    public async Task Register_WithTakenEmailInOtherCase_Returns409WithEmailField()
    {
        var (email, username, password) = AuthApiClient.NewCredentials();
        await AuthApiClient.ReadAsync<JsonElement>(await _api.RegisterAsync(email, username, password), HttpStatusCode.Created);

        var response = await _api.RegisterAsync(email.ToUpperInvariant(), username + "x", password);

        var problem = await AuthApiClient.ReadProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("email", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Register_WithTakenUsernameInOtherCase_Returns409WithUsernameField()
    {
        var (email, username, password) = AuthApiClient.NewCredentials();
        await AuthApiClient.ReadAsync<JsonElement>(await _api.RegisterAsync(email, username, password), HttpStatusCode.Created);

        var response = await _api.RegisterAsync("other-" + email, username.ToUpperInvariant(), password);

        var problem = await AuthApiClient.ReadProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("username", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Register_WhenSameAccountRacesItself_CreatesItOnceAndAnswers409ToTheRest()
    {
        var (email, username, password) = AuthApiClient.NewCredentials();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _api.RegisterAsync(email, username, password)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("a@b")]
    [InlineData("Name <name@example.test>")]
    [InlineData("two words@example.test")]
    [InlineData("")]
    public async Task Register_WithInvalidEmail_Returns400WithEmailError(string email)
    {
        var (_, username, password) = AuthApiClient.NewCredentials();

        var response = await _api.RegisterAsync(email, username, password);

        await AssertValidationErrorAsync(response, "email");
    }

    [Fact]
    public async Task Register_WithTooLongEmail_Returns400WithEmailError()
    {
        var (_, username, password) = AuthApiClient.NewCredentials();

        var response = await _api.RegisterAsync(new string('a', 250) + "@example.test", username, password);

        await AssertValidationErrorAsync(response, "email");
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("this_username_is_longer_than_32ch")]
    [InlineData("has space")]
    [InlineData("emoji😀")]
    [InlineData("semi;colon")]
    public async Task Register_WithInvalidUsername_Returns400WithUsernameError(string username)
    {
        var (email, _, password) = AuthApiClient.NewCredentials();

        var response = await _api.RegisterAsync(email, username, password);

        await AssertValidationErrorAsync(response, "username");
    }

    [Theory]
    [InlineData("1234567")] // 7 bytes
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")] // 73 bytes
    [InlineData("ééééééééééééééééééééééééééééééééééééa")] // 36 × 2 + 1 = 73 bytes, only 37 characters
    [InlineData("€€€€€€€€€€€€€€€€€€€€€€€€a")] // 24 × 3 + 1 = 73 bytes
    public async Task Register_WithPasswordOutside8To72Bytes_Returns400WithPasswordError(string password)
    {
        var (email, username, _) = AuthApiClient.NewCredentials();

        var response = await _api.RegisterAsync(email, username, password);

        await AssertValidationErrorAsync(response, "password");
    }

    [Theory]
    [InlineData("12345678")] // 8 bytes
    [InlineData("éééééééééééééééééééééééééééééééééééé")] // 36 × 2 = 72 bytes
    [InlineData("😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀")] // 18 × 4 = 72 bytes
    public async Task Register_WithPasswordOf8To72Bytes_SucceedsAndLogsIn(string password)
    {
        var (email, username, _) = AuthApiClient.NewCredentials();

        var response = await _api.RegisterAsync(email, username, password);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _api.LoginAsync(email, password)).StatusCode);
    }

    [Fact]
    public async Task Register_WithEverythingMissing_ReportsEachField()
    {
        var response = await _api.Http.PostAsync("/auth/register", System.Net.Http.Json.JsonContent.Create(new { }), TestContext.Current.CancellationToken);

        var problem = await AuthApiClient.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("username", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }

    private static async Task AssertValidationErrorAsync(HttpResponseMessage response, string field)
    {
        var problem = await AuthApiClient.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), errors.ToString());
        Assert.NotEmpty(messages.EnumerateArray());
        Assert.Single(errors.EnumerateObject());
    }
}
