using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chat.Tests.Auth;

[Collection(AuthCollection.Name)]
public sealed class LoginTests(AuthServiceFixture fixture)
{
    private readonly AuthApiClient _api = new(fixture.Service.CreateClient());

    [Fact]
    public async Task Login_WithUnknownEmailOrWrongPassword_GivesSameAnswer()
    {
        var (email, username, password) = AuthApiClient.NewCredentials();
        await AuthApiClient.ReadAsync<JsonElement>(await _api.RegisterAsync(email, username, password), HttpStatusCode.Created);

        var wrongPassword = await _api.LoginAsync(email, password + "x");
        var unknownEmail = await _api.LoginAsync("nobody-" + email, password);

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEmail.StatusCode);
        Assert.Equal(await WithoutTraceIdAsync(wrongPassword), await WithoutTraceIdAsync(unknownEmail));
    }

    [Fact]
    public async Task Login_WithUnknownEmail_TakesAboutAsLongAsWrongPassword()
    {
        var (email, username, password) = AuthApiClient.NewCredentials();
        await AuthApiClient.ReadAsync<JsonElement>(await _api.RegisterAsync(email, username, password), HttpStatusCode.Created);
        await _api.LoginAsync("warm-up-" + email, password);

        var wrong = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            wrong.Add(await TimeAsync(() => _api.LoginAsync(email, "wrong-password")));
            unknown.Add(await TimeAsync(() => _api.LoginAsync($"nobody-{i}-{email}", "wrong-password")));
        }

        // Both run one bcrypt verification; without the dummy one the ratio would be ~0.02. Medians and a wide
        // range absorb the scheduling noise of a shared machine.
        var ratio = Median(unknown) / Median(wrong);
        Assert.InRange(ratio, 0.33, 3.0);
    }

    [Fact]
    public async Task Login_WithPasswordLongerThanBcryptReads_Returns401EvenIfPrefixMatches()
    {
        var (email, username, _) = AuthApiClient.NewCredentials();
        var password = new string('p', 72);
        await AuthApiClient.ReadAsync<JsonElement>(await _api.RegisterAsync(email, username, password), HttpStatusCode.Created);

        var response = await _api.LoginAsync(email, password + "extra");

        await AuthApiClient.ReadProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Login_WithMissingFields_Returns400ValidationProblem()
    {
        var response = await _api.LoginAsync(null, "");

        var problem = await AuthApiClient.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("email", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Login_WhenAccountLimitExhausted_Returns429WithRetryAfter()
    {
        var (email, username, password) = AuthApiClient.NewCredentials();
        await AuthApiClient.ReadAsync<JsonElement>(await _api.RegisterAsync(email, username, password), HttpStatusCode.Created);
        var limit = int.Parse(AuthServiceFixture.DefaultSettings["Auth:LoginRateLimit:PerAccountPermitLimit"]!);
        for (var i = 0; i < limit; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await _api.LoginAsync(email, "wrong-password")).StatusCode);
        }

        // Even the right password, and in another letter case, is refused once the account's window is used up.
        var response = await _api.LoginAsync(email.ToUpperInvariant(), password);

        await AuthApiClient.ReadProblemAsync(response, HttpStatusCode.TooManyRequests);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, response.Headers.RetryAfter?.ToString());
        // Another account from the same client is still answered normally.
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.LoginAsync("other-" + email, password)).StatusCode);
    }

    [Fact]
    public async Task Login_WhenIpLimitExhausted_Returns429WithRetryAfter()
    {
        var service = fixture.CreateService(AuthServiceFixture.NewDatabaseName(), new Dictionary<string, string?>
        {
            ["Auth:LoginRateLimit:PerIpPermitLimit"] = "3",
            ["Auth:LoginRateLimit:PerIpWindow"] = "00:05:00",
        });
        var api = new AuthApiClient(service.CreateClient());
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.LoginAsync($"nobody-{i}@example.test", "wrong-password")).StatusCode);
        }

        var response = await api.LoginAsync("someone-else@example.test", "wrong-password");

        await AuthApiClient.ReadProblemAsync(response, HttpStatusCode.TooManyRequests);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        // Other endpoints are not behind the login limit.
        Assert.Equal(HttpStatusCode.Created, (await api.RegisterAsync("fresh@example.test", "fresh_user", "password-1")).StatusCode);
    }

    private static async Task<string> WithoutTraceIdAsync(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("traceId");
        return body.ToJsonString();
    }

    private static async Task<double> TimeAsync(Func<Task<HttpResponseMessage>> call)
    {
        var watch = Stopwatch.StartNew();
        using var response = await call();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
