using System.Net;
using Chat.Tests.Gateway.Support;

namespace Chat.Tests.Gateway;

/// <summary>Rate limiting and CORS at the gateway's edge.</summary>
public sealed class GatewayProtectionTests
{
    [Fact]
    public async Task Requests_WhenIpExceedsItsBudget_AreRejectedWith429RateLimited()
    {
        await using var factory = GatewayFactory.WithAuthDown(("RateLimiting:PermitsPerIp", "2"));
        using var client = factory.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.SendAsync(GraphQLHttp.Post("{ __typename }"), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var response = await client.SendAsync(GraphQLHttp.Post("{ __typename }"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(GraphQLHttp.GraphQLResponse, response.Content.Headers.ContentType?.MediaType);
        var json = await response.ReadJsonAsync();
        Assert.Equal("RATE_LIMITED", json.FirstErrorCode());
        Assert.False(json.ContainsKey("data"));
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Preflight_FromAllowedOrigin_IsAllowed()
    {
        await using var factory = GatewayFactory.WithAuthDown(("Cors:AllowedOrigins:0", "https://chat.example"));
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(Preflight("https://chat.example"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(["https://chat.example"], response.Headers.GetValues("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Preflight_FromOtherOrigin_GetsNoCorsHeaders()
    {
        await using var factory = GatewayFactory.WithAuthDown(("Cors:AllowedOrigins:0", "https://chat.example"));
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(Preflight("https://evil.example"), TestContext.Current.CancellationToken);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization, content-type");
        return request;
    }
}
