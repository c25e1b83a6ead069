using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Chat.ServiceDefaults;
using Chat.Tests.EndToEnd;
using Chat.Tests.Infrastructure;
using Npgsql;

namespace Chat.Tests.Messaging;

/// <summary>The Messaging service's REST contract, called directly on the running app: statuses, problem details, races.</summary>
[Collection(DistributedAppCollection.Name)]
public sealed class MessagingApiTests(DistributedAppFixture fixture) : IDisposable
{
    private readonly GraphQLClient _gateway = new(fixture.GatewayUrl);
    private readonly HttpClient _messaging = fixture.CreateClient(ResourceNames.Messaging);

    [Fact]
    public async Task Endpoints_WithoutToken_Are401ProblemDetails()
    {
        using var response = await _messaging.GetAsync("/conversations", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.Equal("TOKEN_MISSING", problem!["reason"]!.GetValue<string>());
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Theory]
    [InlineData("GET", "/conversations?cursor=not-a-cursor", null, "cursor")]
    [InlineData("GET", "/conversations?limit=0", null, "limit")]
    [InlineData("GET", "/conversations?limit=101", null, "limit")]
    [InlineData("POST", "/conversations", "{\"participantIds\": []}", "participantIds")]
    [InlineData("POST", "/messages", "{\"content\": \"hi\"}", "conversationId")]
    [InlineData("GET", "/messages/search?q=", null, "q")]
    public async Task BadInput_Is400ProblemNamingTheField(string method, string path, string? body, string field)
    {
        var user = await ChatUser.RegisterAsync(_gateway);

        using var response = await SendAsync(user, method, path, body);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem!["field"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("POST", "/messages", "{not json")]
    [InlineData("PATCH", "/messages/not-a-guid", "{\"content\": \"x\"}")]
    [InlineData("GET", "/messages/00000000-0000-0000-0000-000000000001", null)]
    public async Task MalformedOrUnknown_IsAProblemNever500(string method, string path, string? body)
    {
        var user = await ChatUser.RegisterAsync(_gateway);

        using var response = await SendAsync(user, method, path, body);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task DirectConversation_CreatedByBothAtOnce_IsOneConversation()
    {
        var alice = await ChatUser.RegisterAsync(_gateway, "alice");
        var bob = await ChatUser.RegisterAsync(_gateway, "bob");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => i % 2 == 0
            ? SendAsync(alice, "POST", "/conversations", $"{{\"participantIds\": [\"{bob.Id}\"]}}")
            : SendAsync(bob, "POST", "/conversations", $"{{\"participantIds\": [\"{alice.Id}\"]}}")));
        var ids = new List<string>();
        foreach (var response in responses)
        {
            ids.Add((await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["id"]!.GetValue<string>());
        }

        Assert.Single(ids.Distinct());
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK }));
        await using var db = new NpgsqlConnection(fixture.ConnectionStringOf(ResourceNames.ChatDb));
        await db.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM outbox_messages WHERE topic = 'conversation.changed' AND key = @id", db);
        count.Parameters.AddWithValue("id", ids[0]);
        Assert.Equal(1L, (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Send_Is201_AndItsRetryWithTheSameClientMessageId200WithTheSameMessage()
    {
        var alice = await ChatUser.RegisterAsync(_gateway, "alice");
        var bob = await ChatUser.RegisterAsync(_gateway, "bob");
        var conversation = await alice.CreateConversationAsync([bob]);
        var body = $"{{\"conversationId\": \"{conversation["id"]}\", \"content\": \"hello\", \"clientMessageId\": \"k1\"}}";

        using var first = await SendAsync(alice, "POST", "/messages", body);
        using var retry = await SendAsync(alice, "POST", "/messages", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(
            (await first.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["id"]!.GetValue<string>(),
            (await retry.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ConcurrentSends_AreNumbered1ToN_InTheOrderTheirEventsAreQueued_AndHistoryIsNewestFirstBySeq()
    {
        var alice = await ChatUser.RegisterAsync(_gateway, "alice");
        var bob = await ChatUser.RegisterAsync(_gateway, "bob");
        var carol = await ChatUser.RegisterAsync(_gateway, "carol");
        var conversationId = (await alice.CreateConversationAsync([bob, carol], "seq"))["id"]!.GetValue<string>();
        var senders = new[] { alice, bob, carol };

        var sent = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            using var response = await SendAsync(senders[i % 3], "POST", "/messages", $"{{\"conversationId\": \"{conversationId}\", \"content\": \"m{i}\"}}");
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var message = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
            return (Id: message["id"]!.GetValue<string>(), Seq: message["seq"]!.GetValue<long>());
        }));
        using var historyResponse = await SendAsync(alice, "GET", $"/messages/{conversationId}?limit=100", null);
        var history = (await historyResponse.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["items"]!.AsArray()
            .Select(item => (Id: item!["id"]!.GetValue<string>(), Seq: item["seq"]!.GetValue<long>())).ToList();

        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), sent.Select(m => m.Seq).Order());
        Assert.Equal(sent.OrderByDescending(m => m.Seq), history);
        // Each event carries its message's seq, and the outbox holds them in seq order: the order Kafka gets them in.
        await using var db = new NpgsqlConnection(fixture.ConnectionStringOf(ResourceNames.ChatDb));
        await db.OpenAsync(TestContext.Current.CancellationToken);
        await using var outbox = new NpgsqlCommand(
            "SELECT (payload->>'seq')::bigint FROM outbox_messages WHERE topic = 'message.created' AND key = @id ORDER BY id", db);
        outbox.Parameters.AddWithValue("id", conversationId);
        var queued = new List<long>();
        await using (var reader = await outbox.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                queued.Add(reader.GetInt64(0));
            }
        }
        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), queued);
    }

    [Fact]
    public async Task History_PagesBySeqCursor_WithoutGapOrRepeat()
    {
        var alice = await ChatUser.RegisterAsync(_gateway, "alice");
        var bob = await ChatUser.RegisterAsync(_gateway, "bob");
        var conversationId = (await alice.CreateConversationAsync([bob]))["id"]!.GetValue<string>();
        for (var i = 0; i < 5; i++)
        {
            await alice.SendMessageAsync(conversationId, $"m{i}");
        }

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            using var response = await SendAsync(alice, "GET", $"/messages/{conversationId}?limit=2" + (cursor is null ? "" : $"&cursor={cursor}"), null);
            var page = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
            seen.AddRange(page["items"]!.AsArray().Select(item => item!["seq"]!.GetValue<long>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.Equal([5L, 4, 3, 2, 1], seen);
    }

    [Fact]
    public async Task MarkRead_OfAnOlderMessageAfterALaterOne_ChangesNothing_AndAnnouncesNothing()
    {
        var alice = await ChatUser.RegisterAsync(_gateway, "alice");
        var bob = await ChatUser.RegisterAsync(_gateway, "bob");
        var conversationId = (await alice.CreateConversationAsync([bob]))["id"]!.GetValue<string>();
        var older = (await alice.SendMessageAsync(conversationId, "older"))["id"]!.GetValue<string>();
        var later = (await alice.SendMessageAsync(conversationId, "later"))["id"]!.GetValue<string>();
        var beforeMarking = DateTimeOffset.UtcNow.AddSeconds(-5);

        var first = await ReadStateAsync(bob, later);
        var again = await ReadStateAsync(bob, older);

        // lastReadAt is when bob read, not when the message was written; the pointer stays on the later message.
        Assert.Equal(later, first["lastReadMessageId"]!.GetValue<string>());
        Assert.InRange(first["lastReadAt"]!.GetValue<DateTimeOffset>(), beforeMarking, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Equal(0, first["unreadCount"]!.GetValue<int>());
        Assert.Equal(first.ToJsonString(), again.ToJsonString());
        // Reading the later message gave the older one its receipt too, so the second mark had nothing to announce.
        using var historyResponse = await SendAsync(bob, "GET", $"/messages/{conversationId}?limit=10", null);
        var history = (await historyResponse.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["items"]!.AsArray();
        Assert.All(history, message => Assert.NotNull(message!["readAt"]));
        await using var db = new NpgsqlConnection(fixture.ConnectionStringOf(ResourceNames.ChatDb));
        await db.OpenAsync(TestContext.Current.CancellationToken);
        await using var reads = new NpgsqlCommand(
            "SELECT count(*) FROM outbox_messages WHERE topic = 'message.updated' AND key = @id AND lower(payload->>'kind') = 'read'", db);
        reads.Parameters.AddWithValue("id", conversationId);
        Assert.Equal(1L, (long)(await reads.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
    }

    private async Task<JsonObject> ReadStateAsync(ChatUser reader, string messageId)
    {
        using var response = await SendAsync(reader, "PATCH", $"/messages/{messageId}/read", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
    }

    private Task<HttpResponseMessage> SendAsync(ChatUser user, string method, string path, string? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return _messaging.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        _gateway.Dispose();
        _messaging.Dispose();
    }
}
