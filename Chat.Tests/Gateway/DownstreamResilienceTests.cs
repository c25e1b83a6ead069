using System.Net;
using Chat.Gateway.Services.Resilience;
using Chat.Tests.Infrastructure;
using Chat.Tests.Gateway.Support;
using Microsoft.AspNetCore.Http;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Chat.Tests.Gateway;

/// <summary>
/// The gateway's reaction to downstream faults, against a scripted Auth on a real port: a failure that could be the
/// answer to one caller's request closes the service to that caller only; 4xx and 429 close nothing; only a service
/// that cannot be reached at all is cut off for everyone.
/// </summary>
public sealed class DownstreamResilienceTests
{
    private const string Me = "{ me { id username } }";
    private const string Login = """mutation { login(input: { email: "someone@example.com", password: "secret-password" }) { accessToken } }""";

    [Fact]
    public async Task FailedAnswers_ToOneCaller_CloseTheServiceToThatCallerOnly()
    {
        await using var auth = await AuthKeysServer.StartAsync();
        var key = auth.PublishNewKey();
        var (failing, innocent) = (TestTokens.Create(key), TestTokens.Create(key));
        auth.AnswerOthers = context => context.Request.Headers.Authorization == "Bearer " + failing
            ? Results.Problem(statusCode: StatusCodes.Status500InternalServerError)
            : Results.Json(new { id = Guid.NewGuid(), email = "innocent@example.com", username = "innocent", createdAt = DateTimeOffset.UtcNow });
        await using var factory = GatewayFactory.WithAuthAt(auth.Url, ("Downstream:CallerFaultBurst", "3"), ("Downstream:CallerFaultRefill", "00:01:00"));
        using var client = factory.CreateClient();

        var failingCodes = new List<string?>();
        var innocentCodes = new List<string?>();
        for (var i = 0; i < 10; i++)
        {
            failingCodes.Add(await FirstErrorCodeAsync(client, Me, failing));
            innocentCodes.Add(await FirstErrorCodeAsync(client, Me, innocent));
        }

        Assert.All(failingCodes, code => Assert.Equal("SERVICE_UNAVAILABLE", code));
        Assert.All(innocentCodes, Assert.Null);
        // Three faults (the first call and its retry, the second call), then the caller's circuit is open.
        Assert.Equal(3, auth.OtherRequests.Count(r => r.Authorization == "Bearer " + failing));
        Assert.Equal(10, auth.OtherRequests.Count(r => r.Authorization == "Bearer " + innocent));
    }

    [Theory]
    [InlineData(StatusCodes.Status429TooManyRequests, "RATE_LIMITED")]
    [InlineData(StatusCodes.Status400BadRequest, "BAD_USER_INPUT")]
    [InlineData(StatusCodes.Status401Unauthorized, "UNAUTHENTICATED")]
    public async Task ClientErrors_AreNeverFaults_EveryCallReachesTheService(int status, string code)
    {
        await using var auth = await AuthKeysServer.StartAsync();
        auth.AnswerOthers = _ => Results.Problem(statusCode: status);
        await using var factory = GatewayFactory.WithAuthAt(auth.Url, ("Downstream:CallerFaultBurst", "1"));
        using var client = factory.CreateClient();

        var codes = new List<string?>();
        for (var i = 0; i < 20; i++)
        {
            codes.Add(await FirstErrorCodeAsync(client, Login));
        }

        Assert.All(codes, actual => Assert.Equal(code, actual));
        Assert.Equal(20, auth.OtherRequests.Count);
    }

    [Fact]
    public async Task UnreachableService_IsCutOffForEveryone_UntilTheSharedCircuitProbesAgain()
    {
        var url = ClosedPort.Url();
        await using var factory = GatewayFactory.WithAuthAt(url);
        using var client = factory.CreateClient();
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal("SERVICE_UNAVAILABLE", await FirstErrorCodeAsync(client, Login));
        }

        await using var auth = await AuthKeysServer.StartAsync(url);
        var whileOpen = await FirstErrorCodeAsync(client, Login);
        var requestsWhileOpen = auth.OtherRequests.Count;
        // Auth's double answers login with 404: reaching it means the circuit let the call through again.
        await Eventually.ReturnsAsync(() => FirstErrorCodeAsync(client, Login), code => code == "NOT_FOUND",
            TimeSpan.FromSeconds(15), "the shared circuit to close again");

        Assert.Equal("SERVICE_UNAVAILABLE", whileOpen);
        Assert.Equal(0, requestsWhileOpen);
    }

    public static TheoryData<string, bool, bool> Outcomes() => new()
    {
        // outcome, unreachable (shared circuit), failed answer (caller's circuit)
        { "connection refused", true, false },
        { "unknown host", true, false },
        { "connect timeout", true, false },
        { "attempt timeout", false, true },
        { "connection lost mid-answer", false, true },
        { "500", false, true },
        { "503", false, true },
        { "429", false, false },
        { "400", false, false },
        { "404", false, false },
        { "200", false, false },
        { "circuit open", false, false },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Faults_AreSortedByWhatCouldHaveCausedThem(string outcome, bool unreachable, bool failedAnswer)
    {
        var value = outcome switch
        {
            "connection refused" => Fail(new HttpRequestException(HttpRequestError.ConnectionError, "refused")),
            "unknown host" => Fail(new HttpRequestException(HttpRequestError.NameResolutionError, "no such host")),
            "connect timeout" => Fail(new TaskCanceledException("connect", new TimeoutException())),
            "attempt timeout" => Fail(new TimeoutRejectedException()),
            "connection lost mid-answer" => Fail(new HttpRequestException(HttpRequestError.ResponseEnded, "ended")),
            "circuit open" => Fail(new BrokenCircuitException()),
            _ => Outcome.FromResult(new HttpResponseMessage((HttpStatusCode)int.Parse(outcome, System.Globalization.CultureInfo.InvariantCulture))),
        };

        Assert.Equal(unreachable, DownstreamFaults.IsUnreachable(value));
        Assert.Equal(failedAnswer, DownstreamFaults.IsFailedAnswer(value));
    }

    [Fact]
    public void CallerFaultBudget_IsPerCaller_AndRefills()
    {
        using var budget = new CallerFaultBudget(burst: 2, refillEach: TimeSpan.FromSeconds(1));

        budget.Spend("user:a");
        budget.Spend("user:a");
        // The bucket refills continuously: a fraction of a fault back is not a fault to spend.
        Thread.Sleep(300);

        Assert.False(budget.IsLeftFor("user:a"));
        Assert.True(budget.IsLeftFor("user:b"));
        SpinWait.SpinUntil(() => budget.IsLeftFor("user:a"), TimeSpan.FromSeconds(5));
        Assert.True(budget.IsLeftFor("user:a"));
    }

    private static Outcome<HttpResponseMessage> Fail(Exception exception) => Outcome.FromException<HttpResponseMessage>(exception);

    private static async Task<string?> FirstErrorCodeAsync(HttpClient client, string query, string? bearer = null)
    {
        using var response = await client.SendAsync(GraphQLHttp.Post(query, bearer: bearer), TestContext.Current.CancellationToken);
        return (await response.ReadJsonAsync()).FirstErrorCode();
    }
}
