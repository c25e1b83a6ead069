using System.Net.Http.Headers;
using Chat.Gateway.Services.Presence;
using Chat.ServiceDefaults;
using Chat.Tests.Gateway.Support;
using Chat.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chat.Tests.Presence;

/// <summary>The gateway's <see cref="PresenceLoader"/> against a real Presence instance, counting the HTTP calls.</summary>
[Collection(DistributedAppCollection.Name)]
public sealed class PresenceLoaderTests(DistributedAppFixture fixture) : IDisposable
{
    private readonly GraphQLClient _gateway = new(fixture.GatewayUrl);

    [Fact]
    public async Task Loads_OfOneLevel_AreOneBulkRequest_AndRepeatsAreCached()
    {
        var user = await PresenceTestUser.RegisterAsync(_gateway);
        await new PresenceGraphQL(_gateway).UpdateAsync(user, "BUSY");
        using var counter = new BearerCountingHandler(user.AccessToken) { InnerHandler = new HttpClientHandler() };
        using var http = new HttpClient(counter) { BaseAddress = fixture.EndpointOf(ResourceNames.Presence) };
        var loader = new PresenceLoader(new PresenceServiceClient(http, NullLogger<PresenceServiceClient>.Instance));
        var strangers = Enumerable.Range(0, 600).Select(_ => Guid.NewGuid()).ToList();

        var pending = strangers.Prepend(user.Id).Select(loader.Load).ToList();
        var first = await Task.WhenAll(pending.Select(result => result.GetResultAsync(TestContext.Current.CancellationToken)));
        var again = await loader.Load(user.Id).GetResultAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, counter.Requests); // 601 ids: one bulk request of 500, one of 101
        Assert.Equal(Chat.Contracts.Events.PresenceStatus.Busy, first[0]!.Status);
        Assert.All(first.Skip(1), found => Assert.Equal(Chat.Contracts.Events.PresenceStatus.Offline, found!.Status));
        Assert.Equal(Chat.Contracts.Events.PresenceStatus.Busy, again!.Status);
        Assert.Equal(2, counter.Requests);
    }

    [Fact]
    public async Task PresenceFields_OfOneQuery_CostOneBulkRequest()
    {
        var alice = await PresenceTestUser.RegisterAsync(_gateway);
        var bob = await PresenceTestUser.RegisterAsync(_gateway);
        var requests = new RequestCount();
        // An in-process gateway wired to the running app's Auth and Presence, counting its calls to Presence.
        await using var factory = GatewayFactory.WithAuthAt(fixture.EndpointOf(ResourceNames.Auth),
                ("services:presence:http:0", fixture.EndpointOf(ResourceNames.Presence).ToString().TrimEnd('/')),
                ("ConnectionStrings:redis", fixture.ConnectionStringOf(ResourceNames.Redis)))
            .WithWebHostBuilder(web => web.ConfigureTestServices(services => services
                .AddHttpClient(ResourceNames.Presence).AddHttpMessageHandler(() => new CountingHandler(requests))));
        using var client = factory.CreateClient();
        // BUSY lasts until OFFLINE after 8 s of silence in the fixture: set only once the in-process gateway (slow to
        // start on a loaded machine) is up, with a heartbeat right before the query to keep it.
        (await new PresenceGraphQL(_gateway).UpdateAsync(alice, "BUSY")).EnsureNoErrors();
        (await new PresenceGraphQL(_gateway).HeartbeatAsync(alice)).EnsureNoErrors();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bob.AccessToken);
        request.Content = System.Net.Http.Json.JsonContent.Create(new
        {
            query = """
            query($a: ID!, $b: ID!, $c: ID!) {
              a: presence(userId: $a) { userId status }
              b: presence(userId: $b) { userId status }
              again: presence(userId: $a) { userId status }
              stranger: presence(userId: $c) { userId status }
            }
            """,
            variables = new { a = alice.Id, b = bob.Id, c = Guid.NewGuid() },
        });

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();

        var data = new GraphQLResponse(response.StatusCode, body).EnsureNoErrors().Data!;
        Assert.Equal("BUSY", data["a"]!["status"]!.GetValue<string>());
        Assert.Equal("BUSY", data["again"]!["status"]!.GetValue<string>());
        Assert.Equal("OFFLINE", data["b"]!["status"]!.GetValue<string>());
        Assert.Equal("OFFLINE", data["stranger"]!["status"]!.GetValue<string>());
        Assert.Equal(1, requests.Value);
    }

    public void Dispose() => _gateway.Dispose();

    private sealed class RequestCount
    {
        private int _value;

        public int Value => _value;

        public void Increment() => Interlocked.Increment(ref _value);
    }

    private sealed class CountingHandler(RequestCount count) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            count.Increment();
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class BearerCountingHandler(string accessToken) : DelegatingHandler
    {
        private int _requests;

        public int Requests => _requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
