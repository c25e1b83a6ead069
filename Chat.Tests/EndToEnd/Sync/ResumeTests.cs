using System.Globalization;
using System.Text.Json.Nodes;
using Chat.ServiceDefaults;
using Chat.Tests.EndToEnd.Subscriptions;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.EndToEnd.Sync;

/// <summary>
/// Subscriptions with a cursor (issue 14), through the npm graphql-ws client against the whole app: what came after
/// the cursor is replayed from Messaging, then the live feed follows with no gap and no repeat at the seam; a cursor
/// too far behind is RESYNC_REQUIRED.
/// </summary>
[Collection(DistributedAppCollection.Name)]
public sealed class ResumeTests(DistributedAppFixture fixture) : IDisposable
{
    private const string MessageAdded = "subscription($id: ID!, $after: String) { messageAdded(conversationId: $id, after: $after) { kind messageId seq cursor content } }";
    private const string MessageUpdated = "subscription($id: ID!, $after: String) { messageUpdated(conversationId: $id, after: $after) { kind messageId seq changeSeq cursor content readerId } }";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly GraphQLClient _gateway = new(fixture.GatewayUrl);

    [Fact]
    public async Task MessageAdded_AfterACursor_ReplaysWhatFollowedIt_ThenGoesLive_WhileMessagesKeepComing_EachOnceInOrder()
    {
        var (alice, bob, conversationId) = await ConversationAsync();
        for (var i = 1; i <= 5; i++)
        {
            await alice.SendMessageAsync(conversationId, $"before {i}");
        }

        // Messages keep arriving while Bob subscribes: some are replayed, some buffered, some live — each must arrive once.
        var sending = SendAsync(alice, conversationId, "during", 15);
        await using var subscription = await GraphQLWsNodeSubscription.StartAsync(
            fixture.EndpointOf(ResourceNames.Gateway + "-2"), bob.AccessToken, MessageAdded, 120, new { id = conversationId, after = "2" });
        await sending;
        await alice.SendMessageAsync(conversationId, "after");

        var seqs = await ReceiveAsync(subscription, "messageAdded", 3 + 15 + 1);
        Assert.Equal(Enumerable.Range(3, 19).Select(i => (long)i), seqs.Select(e => e.Seq));
        Assert.Equal("before 3", seqs[0].Content);
        Assert.Equal("after", seqs[^1].Content);
        Assert.All(seqs, e => Assert.Equal(e.Seq.ToString(CultureInfo.InvariantCulture), e.Cursor));
    }

    [Fact]
    public async Task MessageUpdated_AfterACursor_ReplaysChangesAtTheirLatestState_ThenLive()
    {
        var (alice, bob, conversationId) = await ConversationAsync();
        var first = await SendIdAsync(alice, conversationId, "first");
        var second = await SendIdAsync(alice, conversationId, "second");
        await MutateAsync(alice, "editMessage(id: $id, content: \"first, edited\") { id }", first);   // change 1
        await MutateAsync(bob, "markMessageRead(id: $id) { unreadCount }", second);                 // change 2
        await MutateAsync(alice, "editMessage(id: $id, content: \"second, edited\") { id }", second); // change 3

        await using var subscription = await GraphQLWsNodeSubscription.StartAsync(
            fixture.GatewayUrl, alice.AccessToken, MessageUpdated, 120, new { id = conversationId, after = "1" });
        var replayed = await ReceiveAsync(subscription, "messageUpdated", 2);
        await MutateAsync(alice, "deleteMessage(id: $id) { id }", first);                              // change 4
        var live = await ReceiveAsync(subscription, "messageUpdated", 1);

        Assert.Equal([("READ", 2L), ("EDITED", 3L), ("DELETED", 4L)], replayed.Concat(live).Select(e => (e.Kind, e.Seq)));
        Assert.Equal("second, edited", replayed[1].Content);
        Assert.Equal(first, live[0].MessageId);
        Assert.Equal("4", live[0].Cursor);
    }

    [Fact]
    public async Task ACursorFurtherBehindThanTheReplayBudget_OrAheadOfTheConversation_IsResyncRequired_NamingWhereToResume()
    {
        var (alice, bob, conversationId) = await ConversationAsync();
        await SendAsync(alice, conversationId, "m", 32); // the test app's budget is 30

        var behind = await SubscribeForErrorAsync(bob, new { id = conversationId, after = "1" });
        var ahead = await SubscribeForErrorAsync(bob, new { id = conversationId, after = "99" });
        var fine = await GraphQLWsNodeSubscription.StartAsync(fixture.GatewayUrl, bob.AccessToken, MessageAdded, 60, new { id = conversationId, after = "2" });
        await using (fine)
        {
            Assert.Equal(30, (await ReceiveAsync(fine, "messageAdded", 30)).Count);
        }

        foreach (var error in new[] { behind, ahead })
        {
            Assert.Equal("RESYNC_REQUIRED", error["extensions"]!["code"]!.GetValue<string>());
            Assert.Equal("32", error["extensions"]!["latest"]!.GetValue<string>());
            Assert.Equal(conversationId, error["extensions"]!["conversationId"]!.GetValue<string>());
            Assert.Equal("messages", error["extensions"]!["reread"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task After_WithoutAConversation_OrNotACursor_IsBadUserInput()
    {
        var (_, bob, conversationId) = await ConversationAsync();

        var withoutConversation = await ErrorCodesOverWebSocketAsync(bob, "subscription { messageAdded(after: \"3\") { seq } }");
        var notACursor = await SubscribeForErrorAsync(bob, new { id = conversationId, after = "three" });

        Assert.Equal(["BAD_USER_INPUT"], withoutConversation);
        Assert.Equal("BAD_USER_INPUT", notACursor["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("after", notACursor["extensions"]!["field"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(MessageAdded)]
    [InlineData(MessageUpdated)]
    public async Task After_InAConversationTheUserIsNotIn_IsForbidden(string query)
    {
        var (_, _, conversationId) = await ConversationAsync();
        var stranger = await ChatUser.RegisterAsync(_gateway, "stranger");

        await using var subscription = await GraphQLWsNodeSubscription.StartAsync(fixture.GatewayUrl, stranger.AccessToken, query, 30,
            new { id = conversationId, after = "0" });
        var line = await subscription.NextAsync(l => l["event"]!.GetValue<string>() is "error" or "next", Wait);

        Assert.Equal("error", line["event"]!.GetValue<string>());
        Assert.Equal("FORBIDDEN", line["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    private async Task<IEnumerable<string?>> ErrorCodesOverWebSocketAsync(ChatUser user, string query)
    {
        await using var subscription = await GraphQLWsNodeSubscription.StartAsync(fixture.GatewayUrl, user.AccessToken, query, 30);
        var line = await subscription.NextAsync(l => l["event"]!.GetValue<string>() == "error", Wait);
        return line["payload"]!.AsArray().Select(error => error!["extensions"]?["code"]?.GetValue<string>());
    }

    private async Task<JsonNode> SubscribeForErrorAsync(ChatUser user, object variables)
    {
        await using var subscription = await GraphQLWsNodeSubscription.StartAsync(fixture.GatewayUrl, user.AccessToken, MessageAdded, 30, variables);
        var line = await subscription.NextAsync(l => l["event"]!.GetValue<string>() is "error" or "next", Wait);
        Assert.Equal("error", line["event"]!.GetValue<string>());
        return line["payload"]![0]!;
    }

    private async Task<(ChatUser Alice, ChatUser Bob, string ConversationId)> ConversationAsync()
    {
        var alice = await ChatUser.RegisterAsync(_gateway, "alice");
        var bob = await ChatUser.RegisterAsync(_gateway, "bob");
        return (alice, bob, (await alice.CreateConversationAsync([bob]))["id"]!.GetValue<string>());
    }

    private static async Task SendAsync(ChatUser sender, string conversationId, string prefix, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await sender.SendMessageAsync(conversationId, $"{prefix} {i}");
        }
    }

    private static async Task<string> SendIdAsync(ChatUser sender, string conversationId, string content) =>
        (await sender.SendMessageAsync(conversationId, content))["id"]!.GetValue<string>();

    private static async Task MutateAsync(ChatUser user, string field, string id) =>
        (await user.SendAsync($"mutation($id: ID!) {{ {field} }}", new { id })).EnsureNoErrors();

    internal static async Task<List<ReceivedEvent>> ReceiveAsync(GraphQLWsNodeSubscription subscription, string field, int count, TimeSpan? wait = null)
    {
        var received = new List<ReceivedEvent>();
        while (received.Count < count)
        {
            var (data, _) = await subscription.NextDataAsync(field, _ => true, wait ?? Wait);
            received.Add(new ReceivedEvent(
                data["kind"]?.GetValue<string>(), data["messageId"]!.GetValue<string>(),
                field == "messageAdded" ? data["seq"]!.GetValue<long>() : data["changeSeq"]!.GetValue<long>(),
                data["cursor"]!.GetValue<string>(), data["content"]?.GetValue<string>()));
        }
        return received;
    }

    internal sealed record ReceivedEvent(string? Kind, string MessageId, long Seq, string Cursor, string? Content);

    public void Dispose() => _gateway.Dispose();
}
