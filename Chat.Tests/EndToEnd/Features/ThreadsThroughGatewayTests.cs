using System.Text.Json.Nodes;
using Chat.Tests.Infrastructure;
using static Chat.Tests.EndToEnd.Features.FeatureTestKit;

namespace Chat.Tests.EndToEnd.Features;

/// <summary>Replies and threads through the gateway: summaries, paging, unread per thread, notifications, bad input.</summary>
[Collection(DistributedAppCollection.Name)]
public sealed class ThreadsThroughGatewayTests(DistributedAppFixture fixture) : IDisposable
{
    private const string Summary = "id thread { replyCount lastReplyAt unreadCount repliers { username } }";
    private readonly GraphQLClient _client = new(fixture.GatewayUrl);

    [Fact]
    public async Task Replies_FormAThread_TheRootShowsItsSummary_AndTheThreadPagesOldestFirst()
    {
        var (alice, bob, carol) = (await Register("alice"), await Register("bob"), await Register("carol"));
        var conversationId = Id(await alice.CreateConversationAsync([bob, carol]));
        var rootId = Id(await SendAsync(alice, conversationId, "plan for friday?"));
        Assert.Null((await RootAsync(alice, conversationId, rootId))["thread"]);

        var first = await SendAsync(bob, conversationId, "pizza", rootId);
        var second = await SendAsync(carol, conversationId, "sushi", Id(first)); // a reply to a reply joins the root's thread
        await SendAsync(bob, conversationId, "or both", rootId);

        Assert.Equal(rootId, first["replyToId"]!.GetValue<string>());
        Assert.Equal(rootId, second["replyToId"]!.GetValue<string>());
        var thread = (await RootAsync(alice, conversationId, rootId))["thread"]!;
        Assert.Equal(3, thread["replyCount"]!.GetValue<int>());
        Assert.Equal(3, thread["unreadCount"]!.GetValue<int>());
        Assert.NotNull(thread["lastReplyAt"]);
        Assert.Equal([bob.Username, carol.Username], thread["repliers"]!.AsArray().Select(r => r!["username"]!.GetValue<string>()));
        // Bob's own replies are not unread for him; carol's is.
        Assert.Equal(1, (await RootAsync(bob, conversationId, rootId))["thread"]!["unreadCount"]!.GetValue<int>());

        var page1 = await ThreadAsync(carol, rootId, 2, null);
        var page2 = await ThreadAsync(carol, rootId, 2, page1["pageInfo"]!["endCursor"]!.GetValue<string>());
        Assert.Equal(["pizza", "sushi"], Contents(page1));
        Assert.True(page1["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(["or both"], Contents(page2));
        Assert.False(page2["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(Contents(page1), Contents(await ThreadAsync(carol, Id(first), 2, null))); // any reply names its thread

        var marked = (await alice.SendAsync($"mutation($id: ID!) {{ markThreadRead(messageId: $id) {{ {Summary} }} }}", new { id = rootId }))
            .EnsureNoErrors().Data!["markThreadRead"]!;
        Assert.Equal(0, marked["thread"]!["unreadCount"]!.GetValue<int>());
        await SendAsync(carol, conversationId, "decided?", rootId);
        Assert.Equal(1, (await RootAsync(alice, conversationId, rootId))["thread"]!["unreadCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task AReply_NotifiesTheRootsAuthorAndEarlierRepliers_OnceEach_AndNotTheReplier()
    {
        var (alice, bob, carol, dave) = (await Register("alice"), await Register("bob"), await Register("carol"), await Register("dave"));
        var conversationId = Id(await alice.CreateConversationAsync([bob, carol, dave]));
        var rootId = Id(await SendAsync(alice, conversationId, "who has the keys?"));
        await SendAsync(bob, conversationId, "not me", rootId);

        var replyId = Id(await SendAsync(carol, conversationId, "I do", rootId));
        var markerId = Id(await SendAsync(carol, conversationId, "marker"));

        Assert.Equal(["REPLY"], await NotificationTypesForAsync(alice, replyId, markerId));
        Assert.Equal(["REPLY"], await NotificationTypesForAsync(bob, replyId, markerId));
        Assert.Equal(["NEW_MESSAGE"], await NotificationTypesForAsync(dave, replyId, markerId));
        var carols = await NotificationsAsync(alice);
        Assert.Contains(carols, n => n.MessageId == replyId && n.Title == $"{carol.Username} replied in a thread");
    }

    [Fact]
    public async Task BadReplies_GetClearErrors()
    {
        var (alice, bob) = (await Register("alice"), await Register("bob"));
        var conversationId = Id(await alice.CreateConversationAsync([bob]));
        var elsewhere = Id(await alice.CreateConversationAsync([await Register("carol")]));
        var foreignId = Id(await SendAsync(alice, elsewhere, "in another conversation"));
        var deletedId = Id(await SendAsync(alice, conversationId, "soon gone"));
        (await alice.SendAsync("mutation($id: ID!) { deleteMessage(id: $id) { id } }", new { id = deletedId })).EnsureNoErrors();

        AssertError(await TrySendAsync(alice, conversationId, "across", foreignId), "BAD_USER_INPUT", "replyToId");
        AssertError(await TrySendAsync(alice, conversationId, "to nothing", Guid.NewGuid().ToString()), "BAD_USER_INPUT", "replyToId");
        AssertError(await TrySendAsync(alice, conversationId, "to a tombstone", deletedId), "BAD_USER_INPUT", "replyToId");
        AssertError(await bob.SendAsync("query($id: ID!) { thread(messageId: $id) { edges { cursor } } }", new { id = foreignId }), "NOT_FOUND");
        AssertError(await bob.SendAsync("mutation($id: ID!) { markThreadRead(messageId: $id) { id } }", new { id = foreignId }), "NOT_FOUND");
        AssertError(await alice.SendAsync("query($id: ID!) { thread(messageId: $id, first: 0) { edges { cursor } } }", new { id = deletedId }),
            "BAD_USER_INPUT", "first");

        var history = await alice.MessagesAsync(conversationId);
        Assert.Single(history["edges"]!.AsArray()); // only the tombstone: nothing was stored by the refused replies
    }

    private Task<ChatUser> Register(string prefix) => ChatUser.RegisterAsync(_client, prefix);

    private static async Task<JsonNode> RootAsync(ChatUser user, string conversationId, string rootId)
    {
        var edges = (await user.SendAsync($"query($id: ID!) {{ messages(conversationId: $id, first: 20) {{ edges {{ node {{ {Summary} }} }} }} }}",
            new { id = conversationId })).EnsureNoErrors().Data!["messages"]!["edges"]!.AsArray();
        return edges.Select(e => e!["node"]!).Single(n => Id(n) == rootId);
    }

    private static async Task<JsonNode> ThreadAsync(ChatUser user, string messageId, int first, string? after) =>
        (await user.SendAsync(
            "query($id: ID!, $first: Int, $after: String) { thread(messageId: $id, first: $first, after: $after) { edges { cursor node { content replyToId } } pageInfo { hasNextPage endCursor } } }",
            new { id = messageId, first, after })).EnsureNoErrors().Data!["thread"]!;

    private static List<string> Contents(JsonNode connection) =>
        [.. connection["edges"]!.AsArray().Select(e => e!["node"]!["content"]!.GetValue<string>())];

    public void Dispose() => _client.Dispose();
}
