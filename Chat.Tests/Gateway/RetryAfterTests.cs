using System.Net;
using Microsoft.AspNetCore.Http;
using Chat.Tests.Gateway.Support;

namespace Chat.Tests.Gateway;

/// <summary>Every RATE_LIMITED answer says when to retry, in the header clients read and in extensions (issue 12, item 8).</summary>
public sealed class RetryAfterTests
{
    private const string Login = """mutation { login(input: { email: "someone@example.com", password: "secret-password" }) { accessToken } }""";

    [Theory]
    [InlineData("7", 7)]
    [InlineData(null, 1)]
    public async Task ServiceAnswering429_ReachesTheClientWithRetryAfter_InHeaderAndExtensions(string? serviceRetryAfter, int expected)
    {
        await using var auth = await AuthKeysServer.StartAsync();
        auth.AnswerOthers = context =>
        {
            if (serviceRetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = serviceRetryAfter;
            }

            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, detail: "Too many login attempts.");
        };
        await using var factory = GatewayFactory.WithAuthAt(auth.Url);
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(GraphQLHttp.Post(Login), TestContext.Current.CancellationToken);

        var json = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("RATE_LIMITED", json.FirstErrorCode());
        Assert.Equal(expected, json["errors"]![0]!["extensions"]!["retryAfterSeconds"]!.GetValue<int>());
        Assert.Equal(TimeSpan.FromSeconds(expected), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task AnswerWithoutRateLimitedErrors_HasNoRetryAfter()
    {
        await using var factory = GatewayFactory.WithAuthDown();
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(GraphQLHttp.Post(Login), TestContext.Current.CancellationToken);

        Assert.Equal("SERVICE_UNAVAILABLE", (await response.ReadJsonAsync()).FirstErrorCode());
        Assert.Null(response.Headers.RetryAfter);
    }
}
