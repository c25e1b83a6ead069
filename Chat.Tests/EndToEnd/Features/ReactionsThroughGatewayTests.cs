using System.Text.Json.Nodes;
using Chat.Tests.EndToEnd.Subscriptions;
using Chat.Tests.Infrastructure;
using static Chat.Tests.EndToEnd.Features.FeatureTestKit;

namespace Chat.Tests.EndToEnd.Features;

/// <summary>Emoji reactions through the gateway: counts, who reacted, live REACTED events, replay, and bad input.</summary>
[Collection(DistributedAppCollection.Name)]
public sealed class ReactionsThroughGatewayTests(DistributedAppFixture fixture) : IDisposable
{
    private const string Fields = "id changeSeq reactions { emoji count reactedByMe }";
    private const string Add = $"mutation($id: ID!, $emoji: String!) {{ addReaction(messageId: $id, emoji: $emoji) {{ {Fields} }} }}";
    private const string Remove = $"mutation($id: ID!, $emoji: String!) {{ removeReaction(messageId: $id, emoji: $emoji) {{ {Fields} }} }}";
    private readonly GraphQLClient _client = new(fixture.GatewayUrl);

    [Fact]
    public async Task Members_React_EachOncePerEmoji_SeeCountsAndWhoReacted_AndTakeReactionsBack()
    {
        var (alice, bob, carol) = (await Register("alice"), await Register("bob"), await Register("carol"));
        var conversationId = Id(await alice.CreateConversationAsync([bob, carol]));
        var messageId = Id(await SendAsync(alice, conversationId, "lunch?"));

        await React(bob, Add, messageId, "👍");
        await React(carol, Add, messageId, "👍");
        var again = await React(carol, Add, messageId, "👍");
        // "❤" without the presentation selector is the palette's "❤️".
        var afterHeart = await React(bob, Add, messageId, "❤");

        Assert.Equal([("👍", 2, true), ("❤️", 1, true)], Reactions(afterHeart));
        Assert.Equal([("👍", 2, true)], Reactions(again));
        var alicesView = (await alice.SendAsync($"query($id: ID!) {{ messages(conversationId: $id) {{ edges {{ node {{ {Fields} }} }} }} }}",
            new { id = conversationId })).EnsureNoErrors().Data!["messages"]!["edges"]![0]!["node"]!;
        Assert.Equal([("👍", 2, false), ("❤️", 1, false)], Reactions(alicesView));

        var firstPage = await Reactors(alice, messageId, "👍", 1, null);
        var secondPage = await Reactors(alice, messageId, "👍", 1, firstPage["pageInfo"]!["endCursor"]!.GetValue<string>());
        Assert.Equal(bob.Username, firstPage["edges"]![0]!["node"]!["user"]!["username"]!.GetValue<string>());
        Assert.True(firstPage["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(carol.Username, secondPage["edges"]![0]!["node"]!["user"]!["username"]!.GetValue<string>());
        Assert.False(secondPage["pageInfo"]!["hasNextPage"]!.GetValue<bool>());

        var removed = await React(bob, Remove, messageId, "👍");
        var removedAgain = await React(bob, Remove, messageId, "👍");
        Assert.Equal([("👍", 1, false), ("❤️", 1, true)], Reactions(removed));
        Assert.Equal(removed["changeSeq"]!.GetValue<long>(), removedAgain["changeSeq"]!.GetValue<long>());
    }

    [Fact]
    public async Task ConcurrentReactions_OneMemberRepeating_CountOnce_ManyMembersAtOnce_AreAllCounted()
    {
        var alice = await Register("alice");
        var members = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Register("member")));
        var conversationId = Id(await alice.CreateConversationAsync(members));
        var messageId = Id(await SendAsync(alice, conversationId, "vote 👍"));

        var repeats = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => alice.SendAsync(Add, new { id = messageId, emoji = "🔥" })));
        var votes = await Task.WhenAll(members.Select(member => member.SendAsync(Add, new { id = messageId, emoji = "👍" })));

        Assert.All(repeats.Concat(votes), response => response.EnsureNoErrors());
        var counts = Reactions((await alice.SendAsync(Add, new { id = messageId, emoji = "🔥" })).EnsureNoErrors().Data!["addReaction"]!);
        Assert.Equal([("🔥", 1, true), ("👍", 8, false)], counts);
    }

    [Fact]
    public async Task AReaction_IsLiveOnMessageUpdated_AndReplaysAfterACursor()
    {
        var (alice, bob) = (await Register("alice"), await Register("bob"));
        var conversationId = Id(await alice.CreateConversationAsync([bob]));
        var messageId = Id(await SendAsync(alice, conversationId, "ship it"));
        const string Updates = "subscription($c: ID, $after: String) { messageUpdated(conversationId: $c, after: $after) { kind messageId reactorId emoji added cursor reactions { emoji count } } }";
        await using var alices = await GraphQLWsNodeSubscription.StartAsync(fixture.GatewayUrl, alice.AccessToken, Updates, variables: new { c = conversationId });

        // The subscription is live once an event reaches it: react to a warm-up message until one does.
        var warmUpId = Id(await SendAsync(alice, conversationId, "warm-up"));
        await Eventually.ReturnsAsync(async () =>
        {
            await React(bob, Add, warmUpId, "👀");
            if (await alices.TryNextDataAsync("messageUpdated", e => e["messageId"]!.GetValue<string>() == warmUpId, TimeSpan.FromSeconds(2)) is not null)
            {
                return true;
            }
            await React(bob, Remove, warmUpId, "👀");
            return false;
        }, done => done, Patience, "a live REACTED event");

        await React(bob, Add, messageId, "🚀");
        var (live, _) = await alices.NextDataAsync("messageUpdated", e => e["messageId"]!.GetValue<string>() == messageId, Patience);
        Assert.Equal("REACTED", live["kind"]!.GetValue<string>());
        Assert.Equal(messageId, live["messageId"]!.GetValue<string>());
        Assert.Equal(bob.Id.ToString(), live["reactorId"]!.GetValue<string>());
        Assert.Equal("🚀", live["emoji"]!.GetValue<string>());
        Assert.True(live["added"]!.GetValue<bool>());
        Assert.Equal("🚀", live["reactions"]![0]!["emoji"]!.GetValue<string>());
        Assert.Equal(1, live["reactions"]![0]!["count"]!.GetValue<int>());

        // Missed while away: a second reaction replays from the first one's cursor, with the counts as they are.
        await React(alice, Add, messageId, "🎉");
        await using var replay = await GraphQLWsNodeSubscription.StartAsync(fixture.GatewayUrl, alice.AccessToken, Updates,
            variables: new { c = conversationId, after = live["cursor"]!.GetValue<string>() });
        var (replayed, _) = await replay.NextDataAsync("messageUpdated", e => e["messageId"]!.GetValue<string>() == messageId, Patience);
        Assert.Equal("REACTED", replayed["kind"]!.GetValue<string>());
        Assert.Equal(messageId, replayed["messageId"]!.GetValue<string>());
        Assert.Equal(["🚀", "🎉"], replayed["reactions"]!.AsArray().Select(r => r!["emoji"]!.GetValue<string>()));
    }

    [Fact]
    public async Task BadReactions_GetClearErrors_AndChangeNothing()
    {
        var (alice, bob, mallory) = (await Register("alice"), await Register("bob"), await Register("mallory"));
        var conversationId = Id(await alice.CreateConversationAsync([bob]));
        var messageId = Id(await SendAsync(alice, conversationId, "hi"));
        var deletedId = Id(await SendAsync(alice, conversationId, "oops"));
        (await alice.SendAsync("mutation($id: ID!) { deleteMessage(id: $id) { id } }", new { id = deletedId })).EnsureNoErrors();

        AssertError(await bob.SendAsync(Add, new { id = messageId, emoji = "🦄" }), "BAD_USER_INPUT", "emoji");
        AssertError(await bob.SendAsync(Add, new { id = messageId, emoji = string.Concat(Enumerable.Repeat("👍", 40)) }), "BAD_USER_INPUT", "emoji");
        AssertError(await bob.SendAsync(Add, new { id = messageId, emoji = "" }), "BAD_USER_INPUT", "emoji");
        AssertError(await bob.SendAsync(Add, new { id = messageId, emoji = "../../x" }), "BAD_USER_INPUT", "emoji");
        AssertError(await mallory.SendAsync(Add, new { id = messageId, emoji = "👍" }), "NOT_FOUND");
        AssertError(await mallory.SendAsync(
            "query($id: ID!) { messageReactions(messageId: $id, emoji: \"👍\") { edges { cursor } } }", new { id = messageId }), "NOT_FOUND");
        AssertError(await bob.SendAsync(Add, new { id = deletedId, emoji = "👍" }), "BAD_USER_INPUT");
        AssertError(await bob.SendAsync(Add, new { id = Guid.NewGuid(), emoji = "👍" }), "NOT_FOUND");

        var history = (await alice.SendAsync($"query($id: ID!) {{ messages(conversationId: $id) {{ edges {{ node {{ {Fields} }} }} }} }}",
            new { id = conversationId })).EnsureNoErrors().Data!["messages"]!["edges"]!.AsArray();
        Assert.All(history, edge => Assert.Empty(edge!["node"]!["reactions"]!.AsArray()));
    }

    private Task<ChatUser> Register(string prefix) => ChatUser.RegisterAsync(_client, prefix);

    private static async Task<JsonNode> React(ChatUser user, string mutation, string messageId, string emoji)
    {
        var data = (await user.SendAsync(mutation, new { id = messageId, emoji })).EnsureNoErrors().Data!;
        return data["addReaction"] ?? data["removeReaction"]!;
    }

    private static async Task<JsonNode> Reactors(ChatUser user, string messageId, string emoji, int first, string? after) =>
        (await user.SendAsync(
            "query($id: ID!, $emoji: String!, $first: Int, $after: String) { messageReactions(messageId: $id, emoji: $emoji, first: $first, after: $after) { edges { cursor node { emoji reactedAt user { username } } } pageInfo { hasNextPage endCursor } } }",
            new { id = messageId, emoji, first, after })).EnsureNoErrors().Data!["messageReactions"]!;

    private static List<(string, int, bool)> Reactions(JsonNode message) =>
        [.. message["reactions"]!.AsArray().Select(r => (r!["emoji"]!.GetValue<string>(), r["count"]!.GetValue<int>(), r["reactedByMe"]!.GetValue<bool>()))];

    public void Dispose() => _client.Dispose();
}
