using System.Text.Json.Nodes;
using Chat.Tests.EndToEnd.Subscriptions;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.EndToEnd.Sync;

/// <summary><c>notificationAdded(after:)</c> through the npm graphql-ws client: replay from Notifications, then live, each once.</summary>
[Collection(DistributedAppCollection.Name)]
public sealed class NotificationResumeTests(DistributedAppFixture fixture) : IDisposable
{
    public const string NotificationAdded = "subscription($after: String) { notificationAdded(after: $after) { id type message seq cursor data { messageId } } }";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly GraphQLClient _gateway = new(fixture.GatewayUrl);

    [Fact]
    public async Task NotificationAdded_AfterACursor_ReplaysTheMissedOnes_ThenLive_EachOnceInSeqOrder()
    {
        var (alice, bob, conversationId) = await ConversationAsync();
        for (var i = 1; i <= 4; i++)
        {
            await alice.SendMessageAsync(conversationId, $"before {i}");
        }
        await Eventually.ReturnsAsync(() => LatestSeqAsync(bob), latest => latest >= 4, Wait, "bob's four notifications");

        await using var subscription = await GraphQLWsNodeSubscription.StartAsync(fixture.GatewayUrl, bob.AccessToken, NotificationAdded, 120, new { after = "1" });
        var replayed = await ReceiveAsync(subscription, 3);
        await alice.SendMessageAsync(conversationId, "live");
        var live = await ReceiveAsync(subscription, 1);

        Assert.Equal([2L, 3, 4, 5], replayed.Concat(live).Select(n => n["seq"]!.GetValue<long>()));
        Assert.Equal(["before 2", "before 3", "before 4", "live"], replayed.Concat(live).Select(n => n["message"]!.GetValue<string>()));
        Assert.Equal("5", live[0]["cursor"]!.GetValue<string>());
    }

    [Fact]
    public async Task NotificationAdded_TooFarBehind_IsResyncRequired_NamingLatest()
    {
        var (alice, bob, conversationId) = await ConversationAsync();
        for (var i = 1; i <= 32; i++)
        {
            await alice.SendMessageAsync(conversationId, $"m{i}");
        }
        await Eventually.ReturnsAsync(() => LatestSeqAsync(bob), latest => latest >= 32, Wait, "bob's notifications");

        await using var subscription = await GraphQLWsNodeSubscription.StartAsync(fixture.GatewayUrl, bob.AccessToken, NotificationAdded, 60, new { after = "0" });
        var line = await subscription.NextAsync(l => l["event"]!.GetValue<string>() is "error" or "next", Wait);

        Assert.Equal("error", line["event"]!.GetValue<string>());
        var extensions = line["payload"]![0]!["extensions"]!;
        Assert.Equal("RESYNC_REQUIRED", extensions["code"]!.GetValue<string>());
        Assert.Equal("32", extensions["latest"]!.GetValue<string>());
        Assert.Equal("notifications", extensions["reread"]!.GetValue<string>());
    }

    internal static async Task<List<JsonNode>> ReceiveAsync(GraphQLWsNodeSubscription subscription, int count, TimeSpan? wait = null)
    {
        var received = new List<JsonNode>();
        while (received.Count < count)
        {
            received.Add((await subscription.NextDataAsync("notificationAdded", _ => true, wait ?? Wait)).Data);
        }
        return received;
    }

    private static async Task<long> LatestSeqAsync(ChatUser user)
    {
        var page = (await user.SendAsync("{ notifications(first: 1) { nodes { seq } } }")).EnsureNoErrors().Data!["notifications"]!["nodes"]!.AsArray();
        return page.Count == 0 ? 0 : page[0]!["seq"]!.GetValue<long>();
    }

    private async Task<(ChatUser Alice, ChatUser Bob, string ConversationId)> ConversationAsync()
    {
        var alice = await ChatUser.RegisterAsync(_gateway, "alice");
        var bob = await ChatUser.RegisterAsync(_gateway, "bob");
        return (alice, bob, (await alice.CreateConversationAsync([bob]))["id"]!.GetValue<string>());
    }

    public void Dispose() => _gateway.Dispose();
}
