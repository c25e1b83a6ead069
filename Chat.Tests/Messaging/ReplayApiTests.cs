using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Chat.ServiceDefaults;
using Chat.Tests.EndToEnd;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Messaging;

/// <summary>Messaging's replay after a position, called directly on the running app: batches, change log, members only.</summary>
[Collection(DistributedAppCollection.Name)]
public sealed class ReplayApiTests(DistributedAppFixture fixture) : IDisposable
{
    private readonly GraphQLClient _gateway = new(fixture.GatewayUrl);
    private readonly HttpClient _messaging = fixture.CreateClient(ResourceNames.Messaging);

    [Fact]
    public async Task MessagesAfter_ReturnsOldestFirstInBatches_WithThePositionToContinueFrom()
    {
        var (alice, _, conversationId) = await ConversationAsync();
        for (var i = 1; i <= 5; i++)
        {
            await alice.SendMessageAsync(conversationId, $"m{i}");
        }

        var first = await GetAsync(alice, $"/conversations/{conversationId}/messages?after=2&limit=2");
        var rest = await GetAsync(alice, $"/conversations/{conversationId}/messages?after={first["position"]}&limit=2");

        Assert.Equal([3L, 4], Seqs(first, "seq"));
        Assert.Equal(4, first["position"]!.GetValue<long>());
        Assert.True(first["hasMore"]!.GetValue<bool>());
        Assert.Equal(5, first["latest"]!.GetValue<long>());
        Assert.Equal([5L], Seqs(rest, "seq"));
        Assert.False(rest["hasMore"]!.GetValue<bool>());
        Assert.Equal("m5", rest["items"]![0]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task ChangesAfter_GivesEachChangedMessageAtItsLatestState_AndReadMarks_InChangeOrder()
    {
        var (alice, bob, conversationId) = await ConversationAsync();
        var first = (await alice.SendMessageAsync(conversationId, "first"))["id"]!.GetValue<string>();
        var second = (await alice.SendMessageAsync(conversationId, "second"))["id"]!.GetValue<string>();
        (await alice.SendAsync("mutation($id: ID!) { editMessage(id: $id, content: \"first, edited\") { id } }", new { id = first })).EnsureNoErrors();
        (await bob.SendAsync("mutation($id: ID!) { markMessageRead(id: $id) { unreadCount } }", new { id = second })).EnsureNoErrors();
        (await alice.SendAsync("mutation($id: ID!) { editMessage(id: $id, content: \"second, edited\") { id } }", new { id = second })).EnsureNoErrors();
        (await alice.SendAsync("mutation($id: ID!) { deleteMessage(id: $id) { id } }", new { id = first })).EnsureNoErrors();

        var all = await GetAsync(alice, $"/conversations/{conversationId}/changes?after=0");
        var afterRead = await GetAsync(alice, $"/conversations/{conversationId}/changes?after=2");

        // Log: 1 edit first, 2 bob reads second, 3 edit second, 4 delete first; the edit of first is superseded.
        Assert.Equal([2L, 3, 4], Seqs(all, "changeSeq"));
        Assert.Equal(["Read", "Edited", "Deleted"], all["items"]!.AsArray().Select(c => c!["kind"]!.GetValue<string>()));
        Assert.Equal(bob.Id.ToString(), all["items"]![0]!["readerId"]!.GetValue<string>());
        Assert.Equal(second, all["items"]![0]!["messageId"]!.GetValue<string>());
        Assert.Equal("second, edited", all["items"]![1]!["content"]!.GetValue<string>());
        Assert.Equal(first, all["items"]![2]!["messageId"]!.GetValue<string>());
        Assert.Equal(4, all["latest"]!.GetValue<long>());
        Assert.Equal([3L, 4], Seqs(afterRead, "changeSeq"));
    }

    [Theory]
    [InlineData("messages")]
    [InlineData("changes")]
    public async Task Replay_OfAConversationTheCallerIsNotIn_Is404_AndANegativePosition400(string log)
    {
        var (_, _, conversationId) = await ConversationAsync();
        var (member, _, own) = await ConversationAsync();
        var stranger = await ChatUser.RegisterAsync(_gateway, "stranger");

        using var notMember = await SendAsync(stranger, $"/conversations/{conversationId}/{log}?after=0");
        using var negative = await SendAsync(member, $"/conversations/{own}/{log}?after=-1");

        Assert.Equal(HttpStatusCode.NotFound, notMember.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
    }

    private async Task<(ChatUser Alice, ChatUser Bob, string ConversationId)> ConversationAsync()
    {
        var alice = await ChatUser.RegisterAsync(_gateway, "alice");
        var bob = await ChatUser.RegisterAsync(_gateway, "bob");
        return (alice, bob, (await alice.CreateConversationAsync([bob]))["id"]!.GetValue<string>());
    }

    private static IEnumerable<long> Seqs(JsonObject page, string field) => page["items"]!.AsArray().Select(item => item![field]!.GetValue<long>());

    private async Task<JsonObject> GetAsync(ChatUser user, string path)
    {
        using var response = await SendAsync(user, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
    }

    private Task<HttpResponseMessage> SendAsync(ChatUser user, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        return _messaging.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        _gateway.Dispose();
        _messaging.Dispose();
    }
}
