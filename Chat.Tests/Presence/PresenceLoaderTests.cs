using System.Net.Http.Headers;
using Chat.Gateway.Services.Presence;
using Chat.ServiceDefaults;
using Chat.Tests.Infrastructure;
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
        using var counter = new CountingHandler(user.AccessToken) { InnerHandler = new HttpClientHandler() };
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

    public void Dispose() => _gateway.Dispose();

    private sealed class CountingHandler(string accessToken) : DelegatingHandler
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
