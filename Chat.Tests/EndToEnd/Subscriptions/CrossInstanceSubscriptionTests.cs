using System.Text.Json;
using Chat.Contracts.Events;
using Chat.ServiceDefaults;
using Chat.Tests.Gateway.Support;
using Chat.Tests.Infrastructure;
using StackExchange.Redis;

namespace Chat.Tests.EndToEnd.Subscriptions;

/// <summary>
/// Events reach a subscriber on <c>gateway-2</c> whatever caused them: Redis-published notifications and presence,
/// Kafka message events (produced as Messaging would), typing set through <c>gateway</c>.
/// </summary>
[Collection(DistributedAppCollection.Name)]
public sealed class CrossInstanceSubscriptionTests(DistributedAppFixture fixture) : IAsyncLifetime
{
    private readonly GraphQLClient http = new(fixture.GatewayUrl);
    private readonly Uri secondGateway = fixture.EndpointOf(ResourceNames.Gateway + "-2");
    private ConnectionMultiplexer redis = null!;
    private TestEventProducer events = null!;

    public async ValueTask InitializeAsync()
    {
        redis = await ConnectionMultiplexer.ConnectAsync(fixture.ConnectionStringOf(ResourceNames.Redis));
        events = new TestEventProducer(fixture);
    }

    [Fact]
    public async Task NotificationAdded_PublishedOnRedis_ReachesTheUserOnTheOtherInstance()
    {
        var (userId, token) = await TestUsers.RegisterAsync(http, "notified");
        await using var bob = await GraphQLWsTestClient.ConnectAndInitAsync(secondGateway, token);
        await bob.SubscribeAsync("n", "subscription { notificationAdded { id type title message data { conversationId } read } }");
        var (notificationId, conversationId) = (Guid.NewGuid(), Guid.NewGuid());

        await redis.GetSubscriber().PublishAsync(RedisChannel.Literal("notifications:" + userId), JsonSerializer.Serialize(new
        {
            id = notificationId, userId, type = "message", title = "New message", message = "Alice wrote", data = new { conversationId },
            read = false, createdAt = DateTimeOffset.UtcNow,
        }, JsonSerializerOptions.Web));

        var next = await bob.ReceiveUntilAsync(m => m["type"]?.GetValue<string>() == "next", TimeSpan.FromSeconds(5));
        var notification = next["payload"]!["data"]!["notificationAdded"]!;
        Assert.Equal(notificationId.ToString(), notification["id"]!.GetValue<string>());
        Assert.Equal("New message", notification["title"]!.GetValue<string>());
        // The same object as Notification.data in queries, not JSON text.
        Assert.Equal(conversationId.ToString(), notification["data"]!["conversationId"]!.GetValue<string>());
    }

    [Fact]
    public async Task PresenceChanged_PublishedOnRedis_ReachesWatchersOfThatUserOnly()
    {
        var (_, token) = await TestUsers.RegisterAsync(http, "watcher");
        var watched = Guid.NewGuid();
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(secondGateway, token);
        await client.SubscribeAsync("p", "subscription($ids: [ID!]!) { presenceChanged(userIds: $ids) { userId status } }", new { ids = new[] { watched } });

        await redis.GetSubscriber().PublishAsync(RedisChannel.Literal("presence:updates"),
            JsonSerializer.Serialize(new { userId = Guid.NewGuid(), status = "ONLINE", lastSeenAt = DateTimeOffset.UtcNow }, JsonSerializerOptions.Web));
        await redis.GetSubscriber().PublishAsync(RedisChannel.Literal("presence:updates"),
            JsonSerializer.Serialize(new { userId = watched, status = "BUSY", lastSeenAt = DateTimeOffset.UtcNow }, JsonSerializerOptions.Web));

        var next = await client.ReceiveUntilAsync(m => m["type"]?.GetValue<string>() == "next", TimeSpan.FromSeconds(5));
        Assert.Equal(watched.ToString(), next["payload"]!["data"]!["presenceChanged"]!["userId"]!.GetValue<string>());
        Assert.Equal("BUSY", next["payload"]!["data"]!["presenceChanged"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task MessageEvents_FromKafka_ReachParticipantsOnEitherInstance_AndNotOthers()
    {
        var (alice, _) = await TestUsers.RegisterAsync(http, "alice");
        var (bob, bobToken) = await TestUsers.RegisterAsync(http, "bob");
        var (_, eveToken) = await TestUsers.RegisterAsync(http, "eve");
        await using var bobClient = await GraphQLWsTestClient.ConnectAndInitAsync(secondGateway, bobToken);
        await using var eveClient = await GraphQLWsTestClient.ConnectAndInitAsync(fixture.GatewayUrl, eveToken);
        await bobClient.SubscribeAsync("a", "subscription { messageAdded { kind messageId conversationId senderId content } }");
        await bobClient.SubscribeAsync("u", "subscription { messageUpdated { kind messageId readerId readAt } }");
        await eveClient.SubscribeAsync("a", "subscription { messageAdded { messageId } }");
        var conversationId = Guid.NewGuid();
        var created = new MessageCreated(Guid.NewGuid(), conversationId, alice, [alice, bob], "hello bob", null, DateTimeOffset.UtcNow);

        await events.ProduceAsync(created);
        var added = await bobClient.ReceiveUntilAsync(m => m["id"]?.GetValue<string>() == "a", TimeSpan.FromSeconds(10));
        await events.ProduceAsync(new MessageUpdated(created.MessageId, conversationId, MessageUpdateKind.Read, null, null, alice, DateTimeOffset.UtcNow));
        var read = await bobClient.ReceiveUntilAsync(m => m["id"]?.GetValue<string>() == "u", TimeSpan.FromSeconds(10));

        Assert.Equal("CREATED", added["payload"]!["data"]!["messageAdded"]!["kind"]!.GetValue<string>());
        Assert.Equal("hello bob", added["payload"]!["data"]!["messageAdded"]!["content"]!.GetValue<string>());
        Assert.Equal("READ", read["payload"]!["data"]!["messageUpdated"]!["kind"]!.GetValue<string>());
        Assert.Equal(alice.ToString(), read["payload"]!["data"]!["messageUpdated"]!["readerId"]!.GetValue<string>());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => eveClient.ReceiveAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Typing_SetThroughOneInstance_ReachesTheOtherParticipantOnTheOther()
    {
        var (alice, aliceToken) = await TestUsers.RegisterAsync(http, "alice");
        var (bob, bobToken) = await TestUsers.RegisterAsync(http, "bob");
        var conversationId = Guid.NewGuid();
        await events.ProduceAsync(new ConversationChanged(conversationId, ConversationChangeKind.Created, false, null, [alice, bob], alice, null));
        await using var bobClient = await GraphQLWsTestClient.ConnectAndInitAsync(secondGateway, bobToken);
        const string subscription = "subscription($c: ID!) { typing(conversationId: $c) { userId isTyping } }";
        // Each gateway learns the membership from the Kafka event; until then the subscription is refused.
        await Eventually.ReturnsAsync(async () =>
        {
            try
            {
                await bobClient.SubscribeAsync("t" + Guid.NewGuid().ToString("N"), subscription, new { c = conversationId });
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }, ok => ok, TimeSpan.FromSeconds(10), "bob's typing subscription");

        var set = await Eventually.ReturnsAsync(
            () => http.SendAsync("mutation($c: ID!) { setTyping(conversationId: $c, isTyping: true) }", new { c = conversationId }, aliceToken),
            response => response.Errors.Count == 0, TimeSpan.FromSeconds(10), "alice's setTyping");

        var typing = await bobClient.ReceiveUntilAsync(m => m["type"]?.GetValue<string>() == "next", TimeSpan.FromSeconds(5));
        Assert.True(set.Data!["setTyping"]!.GetValue<bool>());
        Assert.Equal(alice.ToString(), typing["payload"]!["data"]!["typing"]!["userId"]!.GetValue<string>());
        Assert.True(typing["payload"]!["data"]!["typing"]!["isTyping"]!.GetValue<bool>());
    }

    [Fact]
    public async Task SlowClient_ThatStopsReading_IsClosedWith1013_AndTheGatewaysMemoryStaysBounded()
    {
        var (readerId, readerToken) = await TestUsers.RegisterAsync(http, "reader");
        var (userId, token) = await TestUsers.RegisterAsync(http, "slow");
        var gatewayProcess = System.Diagnostics.Process.GetProcessById(fixture.ServiceProcessIdOf(ResourceNames.Gateway + "-2"));
        // Under 85 KB as UTF-16, so each copy is a small-object allocation the GC reclaims at once.
        var big = new string('x', 30_000);
        const int Count = 3000;

        // The same traffic to a client that reads first: the gateway's heap grows to what passing it through takes, so
        // what grows after that is what the gateway keeps, not how far its GC lets the heap run before collecting.
        await using (var reader = await GraphQLWsTestClient.ConnectAndInitAsync(secondGateway, readerToken))
        {
            await reader.SubscribeAsync("n", "subscription { notificationAdded { id message } }");
            // In batches well inside the 64-message queue, each read before the next is sent: this client keeps up.
            for (var batch = 0; batch < Count / 32; batch++)
            {
                await PublishNotificationsAsync(readerId, 32, big);
                for (var received = 0; received < 32; received++)
                {
                    await reader.ReceiveUntilAsync(m => m["type"]?.GetValue<string>() == "next", TimeSpan.FromSeconds(30));
                }
            }
        }

        gatewayProcess.Refresh();
        var residentBefore = gatewayProcess.WorkingSet64;
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(secondGateway, token);
        await client.SubscribeAsync("n", "subscription { notificationAdded { id message } }");

        // The client reads nothing while far more than the socket buffers and the 64-message queue can hold is sent:
        // 3000 notifications of 30 KB, about 90 MB that an unbounded queue would keep (more: as text and as bytes).
        await PublishNotificationsAsync(userId, Count, big);

        gatewayProcess.Refresh();
        var residentGrowth = gatewayProcess.WorkingSet64 - residentBefore;
        TestContext.Current.TestOutputHelper?.WriteLine($"gateway-2 resident memory grew by {residentGrowth / 1048576.0:F1} MiB");

        var (code, reason) = await client.WaitForCloseAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1013, code);
        Assert.Contains("too slowly", reason);
        Assert.True(residentGrowth < 60 * 1024 * 1024, $"The gateway grew by {residentGrowth / 1048576} MiB while the client did not read.");
    }

    private async Task PublishNotificationsAsync(Guid userId, int count, string message)
    {
        for (var i = 0; i < count; i++)
        {
            await redis.GetSubscriber().PublishAsync(RedisChannel.Literal("notifications:" + userId), JsonSerializer.Serialize(new
            {
                id = Guid.NewGuid(), userId, type = "test", title = "t", message, read = false, createdAt = DateTimeOffset.UtcNow,
            }, JsonSerializerOptions.Web));
        }
    }

    public async ValueTask DisposeAsync()
    {
        events.Dispose();
        await redis.DisposeAsync();
        http.Dispose();
    }
}
