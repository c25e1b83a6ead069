using Chat.ServiceDefaults;
using Chat.Tests.Infrastructure;
using Npgsql;

namespace Chat.Tests.EndToEnd;

/// <summary>Sending, paging, editing, deleting, reading and searching messages through the running gateway.</summary>
[Collection(DistributedAppCollection.Name)]
public sealed class MessagesThroughGatewayTests(DistributedAppFixture fixture) : IDisposable
{
    private readonly GraphQLClient _client = new(fixture.GatewayUrl);

    [Fact]
    public async Task Messages_PagedWhileNewOnesArrive_HaveNoDuplicatesAndNoGaps()
    {
        var (alice, bob, id) = await PairAsync();
        var existing = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            existing.Add((await alice.SendMessageAsync(id, $"old {i}"))["id"]!.GetValue<string>());
        }

        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await bob.SendMessageAsync(id, $"new {i}");
            }
        }, TestContext.Current.CancellationToken);
        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await alice.MessagesAsync(id, first: 4, after: after);
            seen.AddRange(page["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
            pages++;
        }
        while (after is not null);
        await stop.CancelAsync();
        await writer;

        Assert.True(pages >= 7, $"expected at least 7 pages, got {pages}");
        Assert.Equal(seen.Count, seen.Distinct().Count());
        // Every message that existed before paging started is there, newest first, in order.
        Assert.Equal(Enumerable.Reverse(existing), seen.Where(existing.Contains));
    }

    [Fact]
    public async Task EditAndDelete_OnlyTheAuthor_AndDeleteLeavesATombstone()
    {
        var (alice, bob, id) = await PairAsync();
        var messageId = (await alice.SendMessageAsync(id, "typo heer"))["id"]!.GetValue<string>();
        const string Edit = $"mutation($id: ID!, $content: String!) {{ editMessage(id: $id, content: $content) {{ {ChatUser.MessageFields} }} }}";
        const string Delete = $"mutation($id: ID!) {{ deleteMessage(id: $id) {{ {ChatUser.MessageFields} }} }}";

        var bobEdits = await bob.SendAsync(Edit, new { id = messageId, content = "hacked" });
        var edited = (await alice.SendAsync(Edit, new { id = messageId, content = "typo here" })).EnsureNoErrors().Data!["editMessage"]!;
        var bobDeletes = await bob.SendAsync(Delete, new { id = messageId });
        var deleted = (await alice.SendAsync(Delete, new { id = messageId })).EnsureNoErrors().Data!["deleteMessage"]!;
        var editDeleted = await alice.SendAsync(Edit, new { id = messageId, content = "back" });
        var history = (await bob.MessagesAsync(id))["edges"]!.AsArray().Single()!["node"]!;

        Assert.Equal(["FORBIDDEN"], bobEdits.ErrorCodes);
        Assert.Equal("typo here", edited["content"]!.GetValue<string>());
        Assert.NotNull(edited["editedAt"]);
        Assert.Equal(["FORBIDDEN"], bobDeletes.ErrorCodes);
        Assert.True(deleted["isDeleted"]!.GetValue<bool>());
        Assert.Equal(["BAD_USER_INPUT"], editDeleted.ErrorCodes);
        Assert.Equal(messageId, history["id"]!.GetValue<string>());
        Assert.Equal("", history["content"]!.GetValue<string>());
        Assert.NotNull(history["deletedAt"]);
    }

    [Fact]
    public async Task UnreadCount_CountsOthersMessagesAfterTheReadPointer_WhichNeverMovesBack()
    {
        var (alice, bob, id) = await PairAsync();
        var first = (await alice.SendMessageAsync(id, "one"))["id"]!.GetValue<string>();
        await alice.SendMessageAsync(id, "two");
        var third = (await alice.SendMessageAsync(id, "three"))["id"]!.GetValue<string>();
        await bob.SendMessageAsync(id, "mine do not count");
        const string MarkRead = "mutation($id: ID!) { markMessageRead(id: $id) { unreadCount lastReadMessageId } }";

        var before = (await bob.ConversationAsync(id))["unreadCount"]!.GetValue<int>();
        var afterThird = (await bob.SendAsync(MarkRead, new { id = third })).EnsureNoErrors().Data!["markMessageRead"]!;
        var afterFirst = (await bob.SendAsync(MarkRead, new { id = first })).EnsureNoErrors().Data!["markMessageRead"]!;
        await alice.SendMessageAsync(id, "four");
        var listed = (await bob.SendAsync("{ conversations(first: 100) { edges { node { id unreadCount } } } }")).EnsureNoErrors();
        var aliceUnread = (await alice.ConversationAsync(id))["unreadCount"]!.GetValue<int>();

        Assert.Equal(3, before);
        Assert.Equal(0, afterThird["unreadCount"]!.GetValue<int>());
        Assert.Equal(third, afterFirst["lastReadMessageId"]!.GetValue<string>());
        Assert.Equal(1, listed.Data!["conversations"]!["edges"]!.AsArray()
            .Single(e => e!["node"]!["id"]!.GetValue<string>() == id)!["node"]!["unreadCount"]!.GetValue<int>());
        Assert.Equal(1, aliceUnread);
    }

    [Fact]
    public async Task SearchMessages_FindsOnlyTheCallersConversations()
    {
        var (alice, bob, id) = await PairAsync();
        var (carol, dave, otherId) = await PairAsync();
        var word = "zebra" + Guid.NewGuid().ToString("N")[..6];
        await alice.SendMessageAsync(id, $"meeting about {word} tomorrow");
        await carol.SendMessageAsync(otherId, $"secret {word} plans");
        const string Search = "query($q: String!) { searchMessages(query: $q, first: 10) { edges { node { content conversationId } } } }";

        var bobFinds = (await bob.SendAsync(Search, new { q = word })).EnsureNoErrors().Data!["searchMessages"]!["edges"]!.AsArray();
        var daveFinds = (await dave.SendAsync(Search, new { q = word })).EnsureNoErrors().Data!["searchMessages"]!["edges"]!.AsArray();
        var stemmed = (await alice.SendAsync(Search, new { q = $"meetings {word}" })).EnsureNoErrors().Data!["searchMessages"]!["edges"]!.AsArray();
        var empty = await alice.SendAsync(Search, new { q = "  " });

        Assert.Equal([id], bobFinds.Select(e => e!["node"]!["conversationId"]!.GetValue<string>()));
        Assert.Equal([otherId], daveFinds.Select(e => e!["node"]!["conversationId"]!.GetValue<string>()));
        Assert.Single(stemmed);
        Assert.Equal(["BAD_USER_INPUT"], empty.ErrorCodes);
    }

    [Fact]
    public async Task BadPagingOrSearchArguments_AreNamedAsInTheSchema_NotAsMessagingsParameters()
    {
        var (alice, _, id) = await PairAsync();

        var history = await alice.TryMessagesAsync(id, first: 0);
        var badCursor = await alice.TryMessagesAsync(id, after: "garbage");
        var conversations = await alice.SendAsync("{ conversations(first: 101) { edges { cursor } } }");
        var search = await alice.SendAsync("query($q: String!) { searchMessages(query: $q) { edges { cursor } } }", new { q = "" });

        AssertBadArgument(history, "first", "first must be between 1 and ");
        AssertBadArgument(badCursor, "after", "The cursor is not valid.");
        AssertBadArgument(conversations, "first", "first must be between 1 and ");
        AssertBadArgument(search, "query", "query must be 1 to ");
    }

    private static void AssertBadArgument(GraphQLResponse response, string argument, string messageStart)
    {
        var error = Assert.Single(response.Errors)!;
        Assert.Equal("BAD_USER_INPUT", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(argument, error["extensions"]!["field"]!.GetValue<string>());
        Assert.StartsWith(messageStart, error["message"]!.GetValue<string>());
        Assert.Equal([argument], error["extensions"]!["fieldErrors"]!.AsObject().Select(entry => entry.Key));
    }

    [Fact]
    public async Task SendMessage_RetriedWithTheSameClientMessageId_ReturnsTheSameMessage_AndStoresOneRow()
    {
        var (alice, _, id) = await PairAsync();
        var clientMessageId = Guid.NewGuid().ToString();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => alice.SendMessageAsync(id, "only once", clientMessageId)));
        var retry = await alice.SendMessageAsync(id, "only once", clientMessageId);

        Assert.Single(attempts.Select(a => a["id"]!.GetValue<string>()).Append(retry["id"]!.GetValue<string>()).Distinct());
        await using var db = new NpgsqlConnection(fixture.ConnectionStringOf(ResourceNames.ChatDb));
        await db.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM messages WHERE sender_id = @sender AND client_message_id = @key", db);
        count.Parameters.AddWithValue("sender", alice.Id);
        count.Parameters.AddWithValue("key", clientMessageId);
        Assert.Equal(1L, (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
    }

    [Theory]
    [InlineData(0, "")]
    [InlineData(1, "   \n\t ")]
    [InlineData(4001, "x")]
    public async Task SendMessage_WithBlankOrOversizedContent_IsBadUserInput(int repeat, string part)
    {
        var (alice, _, id) = await PairAsync();

        var response = await alice.TrySendMessageAsync(id, string.Concat(Enumerable.Repeat(part, repeat)));
        var exactlyMax = await alice.TrySendMessageAsync(id, "  " + new string('y', 4000) + "  ");

        Assert.Equal(["BAD_USER_INPUT"], response.ErrorCodes);
        Assert.Empty(exactlyMax.Errors);
    }

    private async Task<(ChatUser Alice, ChatUser Bob, string ConversationId)> PairAsync()
    {
        var alice = await ChatUser.RegisterAsync(_client, "alice");
        var bob = await ChatUser.RegisterAsync(_client, "bob");
        return (alice, bob, (await alice.CreateConversationAsync([bob]))["id"]!.GetValue<string>());
    }

    public void Dispose() => _client.Dispose();
}
