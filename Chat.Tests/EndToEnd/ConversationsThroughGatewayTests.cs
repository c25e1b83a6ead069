using Chat.Tests.Infrastructure;

namespace Chat.Tests.EndToEnd;

/// <summary>1:1 and group conversations through the real gateway, Messaging and Auth services of the running app.</summary>
[Collection(DistributedAppCollection.Name)]
public sealed class ConversationsThroughGatewayTests(DistributedAppFixture fixture) : IDisposable
{
    private readonly GraphQLClient _client = new(fixture.GatewayUrl);

    [Fact]
    public async Task DirectConversation_CreatedByEitherUser_IsTheSameOne_AndBothChatInIt()
    {
        var alice = await ChatUser.RegisterAsync(_client, "alice");
        var bob = await ChatUser.RegisterAsync(_client, "bob");

        var byAlice = await alice.CreateConversationAsync([bob]);
        var byBob = await bob.CreateConversationAsync([alice]);
        var conversationId = byAlice["id"]!.GetValue<string>();
        await alice.SendMessageAsync(conversationId, "hi bob");
        await bob.SendMessageAsync(conversationId, "hi alice");
        var history = await bob.MessagesAsync(conversationId);

        Assert.Equal(conversationId, byBob["id"]!.GetValue<string>());
        Assert.False(byAlice["isGroup"]!.GetValue<bool>());
        Assert.Equal([alice.Username, bob.Username], byAlice["participants"]!.AsArray().Select(p => p!["username"]!.GetValue<string>()).Order());
        var edges = history["edges"]!.AsArray();
        Assert.Equal(["hi alice", "hi bob"], edges.Select(e => e!["node"]!["content"]!.GetValue<string>()));
        Assert.Equal([bob.Username, alice.Username], edges.Select(e => e!["node"]!["sender"]!["username"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Group_AddRemoveLeave_DecidesWhoCanRead()
    {
        var owner = await ChatUser.RegisterAsync(_client, "owner");
        var bob = await ChatUser.RegisterAsync(_client, "bob");
        var carol = await ChatUser.RegisterAsync(_client, "carol");
        var group = await owner.CreateConversationAsync([bob], title: "Team");
        var id = group["id"]!.GetValue<string>();
        const string Add = "mutation($c: ID!, $u: ID!) { addParticipant(conversationId: $c, userId: $u) { participantIds } }";
        const string Remove = "mutation($c: ID!, $u: ID!) { removeParticipant(conversationId: $c, userId: $u) { participantIds } }";
        const string Leave = "mutation($c: ID!) { leaveConversation(conversationId: $c) { id participantIds } }";

        var added = (await bob.SendAsync(Add, new { c = id, u = carol.Id })).EnsureNoErrors();
        var carolReads = await carol.TryConversationAsync(id);
        var bobRemovesCarol = await bob.SendAsync(Remove, new { c = id, u = carol.Id });
        (await owner.SendAsync(Remove, new { c = id, u = carol.Id })).EnsureNoErrors();
        var carolAfterRemoval = await carol.TryConversationAsync(id);
        var left = (await bob.SendAsync(Leave, new { c = id })).EnsureNoErrors();
        var bobAfterLeaving = await bob.TrySendMessageAsync(id, "still here?");
        var remaining = await owner.ConversationAsync(id);

        Assert.True(group["isGroup"]!.GetValue<bool>());
        Assert.Equal("Team", group["title"]!.GetValue<string>());
        Assert.Equal(3, added.Data!["addParticipant"]!["participantIds"]!.AsArray().Count);
        Assert.Empty(carolReads.Errors);
        Assert.Equal(["FORBIDDEN"], bobRemovesCarol.ErrorCodes);
        Assert.Equal(["NOT_FOUND"], carolAfterRemoval.ErrorCodes);
        Assert.Equal(id, left.Data!["leaveConversation"]!["id"]!.GetValue<string>());
        Assert.DoesNotContain(bob.Id.ToString(), left.Data!["leaveConversation"]!["participantIds"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(["NOT_FOUND"], bobAfterLeaving.ErrorCodes);
        Assert.Equal([owner.Id.ToString()], remaining["participantIds"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    [Fact]
    public async Task NonMember_CannotReadWriteOrLearnTheConversationExists()
    {
        var alice = await ChatUser.RegisterAsync(_client, "alice");
        var bob = await ChatUser.RegisterAsync(_client, "bob");
        var mallory = await ChatUser.RegisterAsync(_client, "mallory");
        var id = (await alice.CreateConversationAsync([bob]))["id"]!.GetValue<string>();
        var message = await alice.SendMessageAsync(id, "private");
        var messageId = message["id"]!.GetValue<string>();
        var randomId = Guid.NewGuid().ToString();

        var read = await mallory.TryConversationAsync(id);
        var readRandom = await mallory.TryConversationAsync(randomId);
        var history = await mallory.TryMessagesAsync(id);
        var historyRandom = await mallory.TryMessagesAsync(randomId);
        var write = await mallory.TrySendMessageAsync(id, "let me in");
        var writeRandom = await mallory.TrySendMessageAsync(randomId, "let me in");
        var markRead = await mallory.SendAsync("mutation($id: ID!) { markMessageRead(id: $id) { unreadCount } }", new { id = messageId });
        var edit = await mallory.SendAsync("mutation($id: ID!) { editMessage(id: $id, content: \"x\") { id } }", new { id = messageId });
        var join = await mallory.SendAsync("mutation($c: ID!, $u: ID!) { addParticipant(conversationId: $c, userId: $u) { id } }", new { c = id, u = mallory.Id });

        Assert.Equal(["NOT_FOUND"], read.ErrorCodes);
        Assert.Equal(read.Errors[0]!["message"]!.GetValue<string>(), readRandom.Errors[0]!["message"]!.GetValue<string>());
        Assert.Equal(["NOT_FOUND"], history.ErrorCodes);
        Assert.Equal(history.Errors[0]!["message"]!.GetValue<string>(), historyRandom.Errors[0]!["message"]!.GetValue<string>());
        Assert.Equal(["NOT_FOUND"], write.ErrorCodes);
        Assert.Equal(write.Errors[0]!["message"]!.GetValue<string>(), writeRandom.Errors[0]!["message"]!.GetValue<string>());
        Assert.Equal(["NOT_FOUND"], markRead.ErrorCodes);
        Assert.Equal(["NOT_FOUND"], edit.ErrorCodes);
        Assert.Equal(["NOT_FOUND"], join.ErrorCodes);
        Assert.Single((await bob.MessagesAsync(id))["edges"]!.AsArray());
    }

    [Fact]
    public async Task CreateConversation_WithUnknownOrNoParticipants_IsBadUserInput()
    {
        var alice = await ChatUser.RegisterAsync(_client, "alice");
        const string Create = "mutation($input: CreateConversationInput!) { createConversation(input: $input) { id } }";

        var unknown = await alice.SendAsync(Create, new { input = new { participantIds = new[] { Guid.NewGuid() } } });
        var onlySelf = await alice.SendAsync(Create, new { input = new { participantIds = new[] { alice.Id } } });

        Assert.Equal(["BAD_USER_INPUT"], unknown.ErrorCodes);
        Assert.Equal(["BAD_USER_INPUT"], onlySelf.ErrorCodes);
    }

    [Fact]
    public async Task CreateConversation_GroupIsAskedFor_NeverInferred()
    {
        var alice = await ChatUser.RegisterAsync(_client, "alice");
        var bob = await ChatUser.RegisterAsync(_client, "bob");
        var carol = await ChatUser.RegisterAsync(_client, "carol");
        const string Create = "mutation($input: CreateConversationInput!) { createConversation(input: $input) { id isGroup title } }";

        var twoWithoutIsGroup = await alice.SendAsync(Create, new { input = new { participantIds = new[] { bob.Id, carol.Id } } });
        var titledWithoutIsGroup = await alice.SendAsync(Create, new { input = new { participantIds = new[] { bob.Id }, title = "Team" } });
        var group = (await alice.SendAsync(Create, new { input = new { participantIds = new[] { bob.Id, carol.Id }, isGroup = true } })).EnsureNoErrors();

        Assert.Equal(["BAD_USER_INPUT"], twoWithoutIsGroup.ErrorCodes);
        Assert.Contains("isGroup", twoWithoutIsGroup.Errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["BAD_USER_INPUT"], titledWithoutIsGroup.ErrorCodes);
        Assert.True(group.Data!["createConversation"]!["isGroup"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Conversations_ListOf50WithParticipantsAndSenders_CostsOneMessagingCallAndBoundedAuthLookups()
    {
        var alice = await ChatUser.RegisterAsync(_client, "alice");
        var others = new List<ChatUser>();
        for (var i = 0; i < 12; i++)
        {
            others.Add(await ChatUser.RegisterAsync(_client, "member"));
        }
        for (var i = 0; i < 50; i++)
        {
            var conversation = await alice.CreateConversationAsync([others[i % 12], others[(i + 1) % 12]], title: $"group {i}");
            await others[i % 12].SendMessageAsync(conversation["id"]!.GetValue<string>(), $"hello {i}");
        }

        var before = await DownstreamCalls.ReadAsync(fixture);
        var list = (await alice.SendAsync(
            "{ conversations(first: 50) { edges { node { participants { username } lastMessage { sender { username } } } } } }"))
            .EnsureNoErrors();
        var after = await DownstreamCalls.ReadAsync(fixture);

        var edges = list.Data!["conversations"]!["edges"]!.AsArray();
        Assert.Equal(50, edges.Count);
        Assert.All(edges, edge => Assert.Equal(3, edge!["node"]!["participants"]!.AsArray().Count));
        Assert.All(edges, edge => Assert.NotNull(edge!["node"]!["lastMessage"]!["sender"]!["username"]));
        Assert.Equal(1, after.Since(before, "messaging GET /conversations"));
        // Participants are one level of the result, senders the next: at most one lookup per level, never per user.
        Assert.InRange(after.Since(before, "auth POST /auth/users/lookup"), 1, 2);
    }

    [Fact]
    public async Task Conversations_PagedByCursor_AreMostRecentlyActiveFirst_WithoutRepeats()
    {
        var alice = await ChatUser.RegisterAsync(_client, "alice");
        var bob = await ChatUser.RegisterAsync(_client, "bob");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await alice.CreateConversationAsync([bob], title: $"page {i}"))["id"]!.GetValue<string>());
        }
        await bob.SendMessageAsync(ids[0], "the oldest conversation is now the most recent");
        const string List = "query($after: String) { conversations(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }";

        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = (await alice.SendAsync(List, new { after })).EnsureNoErrors().Data!["conversations"]!;
            seen.AddRange(page["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);
        var badFirst = await alice.SendAsync("{ conversations(first: 101) { edges { cursor } } }");
        var badCursor = await alice.SendAsync("{ conversations(after: \"garbage\") { edges { cursor } } }");
        var badId = await alice.SendAsync("{ conversation(id: \"not-a-uuid\") { id } }");

        Assert.Equal([ids[0], ids[4], ids[3], ids[2], ids[1]], seen);
        Assert.Equal(["BAD_USER_INPUT"], badFirst.ErrorCodes);
        Assert.Equal(["BAD_USER_INPUT"], badCursor.ErrorCodes);
        Assert.NotEmpty(badId.ErrorCodes);
        Assert.DoesNotContain("INTERNAL_SERVER_ERROR", badId.ErrorCodes);
    }


    public void Dispose() => _client.Dispose();
}
