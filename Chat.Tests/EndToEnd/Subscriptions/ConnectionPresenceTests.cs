using Chat.ServiceDefaults;
using Chat.Tests.Gateway.Support;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.EndToEnd.Subscriptions;

/// <summary>
/// An open subscription connection is presence activity, through the real Presence service: a watcher on the other
/// gateway sees the user go ONLINE when they connect and OFFLINE when their last connection closes.
/// </summary>
[Collection(DistributedAppCollection.Name)]
public sealed class ConnectionPresenceTests(DistributedAppFixture fixture) : IDisposable
{
    private readonly GraphQLClient http = new(fixture.GatewayUrl);

    [Fact]
    public async Task Connecting_MakesTheUserOnline_AndClosingTheLastConnection_Offline()
    {
        var (bob, bobToken) = await TestUsers.RegisterAsync(http, "bob");
        var (_, aliceToken) = await TestUsers.RegisterAsync(http, "alice");
        await using var alice = await GraphQLWsTestClient.ConnectAndInitAsync(fixture.EndpointOf(ResourceNames.Gateway + "-2"), aliceToken);
        await alice.SubscribeAsync("p", "subscription($ids: [ID!]!) { presenceChanged(userIds: $ids) { userId status } }", new { ids = new[] { bob } });

        var bobClient = await GraphQLWsTestClient.ConnectAndInitAsync(fixture.GatewayUrl, bobToken);
        var online = await alice.ReceiveUntilAsync(m => Status(m) == "ONLINE", TimeSpan.FromSeconds(10));
        await bobClient.DisposeAsync();
        var offline = await alice.ReceiveUntilAsync(m => Status(m) == "OFFLINE", TimeSpan.FromSeconds(10));

        Assert.Equal(bob.ToString(), online["payload"]!["data"]!["presenceChanged"]!["userId"]!.GetValue<string>());
        Assert.Equal(bob.ToString(), offline["payload"]!["data"]!["presenceChanged"]!["userId"]!.GetValue<string>());
    }

    private static string? Status(System.Text.Json.Nodes.JsonObject message) =>
        message["payload"]?["data"]?["presenceChanged"]?["status"]?.GetValue<string>();

    public void Dispose() => http.Dispose();
}
