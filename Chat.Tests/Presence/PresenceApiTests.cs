using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chat.ServiceDefaults;
using Chat.Tests.Infrastructure;
using StackExchange.Redis;

namespace Chat.Tests.Presence;

/// <summary>The Presence REST API of the running app, called directly on its two instances.</summary>
[Collection(DistributedAppCollection.Name)]
public sealed class PresenceApiTests(DistributedAppFixture fixture) : IDisposable
{
    private readonly GraphQLClient _gateway = new(fixture.GatewayUrl);
    private readonly HttpClient _first = fixture.CreateClient(ResourceNames.Presence);
    private readonly HttpClient _second = fixture.CreateClient(ResourceNames.Presence + "-2");

    [Fact]
    public async Task SetOnOneInstance_IsReadOnTheOther()
    {
        var user = await PresenceTestUser.RegisterAsync(_gateway);

        using var set = await SendAsync(_first, HttpMethod.Post, "/presence", user, new { status = "BUSY" });
        using var read = await SendAsync(_second, HttpMethod.Get, $"/presence/{user.Id}", user);

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var body = await read.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.Equal("BUSY", body!["status"]!.GetValue<string>());
        Assert.Equal(user.Id.ToString(), body["userId"]!.GetValue<string>());
    }

    [Fact]
    public async Task StatusChange_IsPublishedOnRedisChannel()
    {
        var user = await PresenceTestUser.RegisterAsync(_gateway);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(fixture.ConnectionStringOf(ResourceNames.Redis));
        var received = new List<JsonObject>();
        await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal("presence:updates"), (_, message) =>
        {
            var update = JsonNode.Parse(message.ToString())!.AsObject();
            if (update["userId"]!.GetValue<string>() == user.Id.ToString())
            {
                lock (received) { received.Add(update); }
            }
        });

        using var set = await SendAsync(_first, HttpMethod.Post, "/presence", user, new { status = "AWAY" });
        await Eventually.TrueAsync(() => { lock (received) { return received.Count > 0; } }, TimeSpan.FromSeconds(10), "the presence:updates message");

        var message = received[0];
        Assert.Equal("AWAY", message["status"]!.GetValue<string>());
        Assert.NotNull(message["lastSeenAt"]);
    }

    [Fact]
    public async Task Endpoints_WithoutToken_Are401Problems()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/presence/heartbeat");

        using var response = await _first.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task BadInput_Is400Problem()
    {
        var user = await PresenceTestUser.RegisterAsync(_gateway);
        var tooMany = Enumerable.Range(0, 501).Select(_ => Guid.NewGuid()).ToArray();

        using var bulk = await SendAsync(_first, HttpMethod.Post, "/presence/bulk", user, new { userIds = tooMany });
        using var unknownStatus = await SendAsync(_first, HttpMethod.Post, "/presence", user, new { status = "SLEEPING" });
        using var missingStatus = await SendAsync(_first, HttpMethod.Post, "/presence", user, new { });
        using var notAnId = await SendAsync(_first, HttpMethod.Post, "/presence/bulk", user, new { userIds = new[] { "x" } });

        foreach (var response in new[] { bulk, unknownStatus, missingStatus, notAnId })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        var problem = await bulk.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.Equal("userIds", problem!["field"]!.GetValue<string>());
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, PresenceTestUser user, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: JsonSerializerOptions.Web);
        }
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        _gateway.Dispose();
        _first.Dispose();
        _second.Dispose();
    }
}
