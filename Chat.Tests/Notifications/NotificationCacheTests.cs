using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Chat.Notifications.Delivery;
using Chat.Tests.Eventing.Infrastructure;
using Chat.Tests.Notifications.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using StackExchange.Redis;

namespace Chat.Tests.Notifications;

/// <summary>The Redis side: the per-user list, the warm first page, and the channel publication after commit.</summary>
public sealed class NotificationCacheTests(EventingPostgres postgres, NotificationsRedis redis) : IAsyncLifetime
{
    private readonly NotificationTestEnvironment _env = new(postgres, redis);

    public ValueTask InitializeAsync() => _env.InitializeAsync();

    public ValueTask DisposeAsync() => _env.DisposeAsync();

    [Fact]
    public async Task Channel_CarriesEachNewNotification_OnlyAfterItsTransactionCommitted()
    {
        // Arrange: on each publication, look for the row from a separate connection right away.
        var ct = TestContext.Current.CancellationToken;
        _env.StartService();
        var (sender, bob) = (Guid.NewGuid(), Guid.NewGuid());
        var received = Channel.CreateUnbounded<(string Json, bool RowVisible)>();
        await using var connection = await redis.ConnectAsync();
        await connection.GetSubscriber().SubscribeAsync(RedisChannel.Literal(NotificationCacheKeys.Channel(bob)), (_, value) =>
        {
            var json = (string)value!;
            var id = JsonDocument.Parse(json).RootElement.GetProperty("id").GetGuid();
            received.Writer.TryWrite((json, RowExists(id)));
        });
        var message = NotificationEvents.Message(Guid.NewGuid(), sender, [sender, bob], "hi bob");

        // Act
        await _env.PublishAsync(message);

        // Assert
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(NotificationTestEnvironment.Timeout);
        var (payload, rowVisible) = await received.Reader.ReadAsync(timeout.Token);
        Assert.True(rowVisible, "the notification was committed before it was published");
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        // The notification as the REST API shows it, then the trace context of the publication when it was traced.
        Assert.Equal(["id", "userId", "type", "title", "message", "data", "read", "createdAt", "seq"],
            root.EnumerateObject().Select(p => p.Name).Where(name => name is not ("traceparent" or "tracestate")));
        Assert.Equal(bob, root.GetProperty("userId").GetGuid());
        Assert.Equal("NEW_MESSAGE", root.GetProperty("type").GetString());
        Assert.Equal("hi bob", root.GetProperty("message").GetString());
        Assert.False(root.GetProperty("read").GetBoolean());
        Assert.Equal(message.MessageId, root.GetProperty("data").GetProperty("messageId").GetGuid());
        Assert.Equal(1, root.GetProperty("seq").GetInt64()); // bob's first: the cursor notificationAdded resumes from
    }

    [Fact]
    public async Task Channel_OfEventsHandledInOneBatch_CarriesEachNotificationInItsOwnEventsTrace()
    {
        // Arrange: every span recorded; two events, each sent from a trace of its own, both waiting in the topic
        // before the service starts, so the consumer takes them in one batch (one transaction, one commit).
        var ct = TestContext.Current.CancellationToken;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Chat", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var (sender, bob, carol) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var traceOf = new Dictionary<Guid, ActivityTraceId>();
        foreach (var recipient in (Guid[])[bob, carol])
        {
            using var cause = new Activity("send to " + recipient).SetIdFormat(ActivityIdFormat.W3C).Start();
            cause.ActivityTraceFlags = ActivityTraceFlags.Recorded;
            traceOf[recipient] = cause.TraceId;
            await _env.PublishAsync(NotificationEvents.Message(Guid.NewGuid(), sender, [sender, recipient], "hi"));
        }
        var received = Channel.CreateUnbounded<(Guid UserId, string? TraceParent)>();
        await using var connection = await redis.ConnectAsync();
        foreach (var recipient in (Guid[])[bob, carol])
        {
            await connection.GetSubscriber().SubscribeAsync(RedisChannel.Literal(NotificationCacheKeys.Channel(recipient)), (_, value) =>
            {
                var root = JsonDocument.Parse((string)value!).RootElement;
                received.Writer.TryWrite((root.GetProperty("userId").GetGuid(),
                    root.TryGetProperty("traceparent", out var parent) ? parent.GetString() : null));
            });
        }

        // Act
        _env.StartService();

        // Assert: traceparent is "00-<trace id>-<span id>-<flags>"; each notification continues its own event's trace.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(NotificationTestEnvironment.Timeout);
        for (var i = 0; i < 2; i++)
        {
            var (userId, traceParent) = await received.Reader.ReadAsync(timeout.Token);
            Assert.NotNull(traceParent);
            Assert.Equal(traceOf[userId].ToHexString(), traceParent.Split('-')[1]);
        }
    }

    [Fact]
    public async Task List_KeepsTheHundredNewestNotificationsOfAUser()
    {
        // Arrange
        _env.StartService();
        var (sender, bob) = (Guid.NewGuid(), Guid.NewGuid());
        var conversation = Guid.NewGuid();
        var messages = Enumerable.Range(0, 105).Select(i => NotificationEvents.Message(conversation, sender, [sender, bob], $"m{i}")).ToList();

        // Act
        foreach (var message in messages)
        {
            await _env.PublishAsync(message);
        }

        // Assert: 100 entries, the newest first (one key, one partition, so handled in order).
        await _env.WaitForAsync(db => db.Notifications.CountAsync(n => n.UserId == bob), count => count == 105, "105 notifications");
        var list = redis.Connection.GetDatabase();
        var key = NotificationCacheKeys.List(bob);
        await Infrastructure.Eventually.ReturnsAsync(async () => (string?)await list.ListGetByIndexAsync(key, 0),
            head => head is not null && NotificationView.FromJson(head).Message == "m104", NotificationTestEnvironment.Timeout, "the newest at the head");
        Assert.Equal(100, await list.ListLengthAsync(key));
        Assert.Equal("m5", NotificationView.FromJson((string)(await list.ListGetByIndexAsync(key, -1))!).Message);
    }

    [Fact]
    public async Task FirstPage_IsServedFromTheWarmList_UntilAChangeInvalidatesIt()
    {
        // Arrange: two notifications for bob, read once (which rebuilds the list from the database).
        var ct = TestContext.Current.CancellationToken;
        var service = _env.StartService();
        var (sender, bob) = (Guid.NewGuid(), Guid.NewGuid());
        await _env.PublishAsync(NotificationEvents.Message(Guid.NewGuid(), sender, [sender, bob], "first"));
        await _env.PublishAsync(NotificationEvents.Message(Guid.NewGuid(), sender, [sender, bob], "second"));
        await _env.WaitForAsync(db => db.Notifications.CountAsync(n => n.UserId == bob), count => count == 2, "two notifications");
        using var client = _env.ClientFor(service, bob);
        var firstRead = await client.GetFromJsonAsync<JsonElement>("/notifications", ct);
        Assert.True(await redis.Connection.GetDatabase().KeyExistsAsync(NotificationCacheKeys.Warm(bob)));

        // Act: change a title behind the service's back; a warm read does not see it, a read after a change does.
        await _env.QueryAsync(db => db.Notifications.Where(n => n.UserId == bob)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.Title, "changed in the database"), ct));
        var cachedRead = await client.GetFromJsonAsync<JsonElement>("/notifications", ct);
        var anyId = cachedRead.GetProperty("items")[0].GetProperty("id").GetGuid();
        using var marked = await client.PatchAsync($"/notifications/{anyId}/read", null, ct);
        marked.EnsureSuccessStatusCode();
        var freshRead = await client.GetFromJsonAsync<JsonElement>("/notifications", ct);

        // Assert
        Assert.Equal(2, firstRead.GetProperty("unreadCount").GetInt32());
        Assert.All(Titles(cachedRead), title => Assert.StartsWith("New message", title));
        Assert.Equal(2, cachedRead.GetProperty("unreadCount").GetInt32());
        Assert.All(Titles(freshRead), title => Assert.Equal("changed in the database", title));
        Assert.Equal(1, freshRead.GetProperty("unreadCount").GetInt32());
    }

    [Fact]
    public async Task FirstPage_WhenWarm_IncludesNotificationsCreatedSinceTheRebuild()
    {
        var ct = TestContext.Current.CancellationToken;
        var service = _env.StartService();
        var (sender, bob) = (Guid.NewGuid(), Guid.NewGuid());
        await _env.PublishAsync(NotificationEvents.Message(Guid.NewGuid(), sender, [sender, bob], "before"));
        await _env.WaitForAsync(db => db.Notifications.CountAsync(n => n.UserId == bob), count => count == 1, "one notification");
        using var client = _env.ClientFor(service, bob);
        await client.GetFromJsonAsync<JsonElement>("/notifications", ct); // warms the list

        await _env.PublishAsync(NotificationEvents.Message(Guid.NewGuid(), sender, [sender, bob], "after"));

        var page = await Infrastructure.Eventually.ReturnsAsync(() => client.GetFromJsonAsync<JsonElement>("/notifications", ct),
            read => read.GetProperty("items").GetArrayLength() == 2, NotificationTestEnvironment.Timeout, "both notifications");
        Assert.True(await redis.Connection.GetDatabase().KeyExistsAsync(NotificationCacheKeys.Warm(bob)), "still served warm");
        Assert.Equal(["after", "before"], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("message").GetString()));
        Assert.Equal(2, page.GetProperty("unreadCount").GetInt32());
        Assert.False(page.GetProperty("hasNextPage").GetBoolean());
    }

    [Fact]
    public async Task Push_OfANotificationARebuildAlreadyHolds_OnlyPublishes_WhateverOrderPushesArriveIn()
    {
        // Arrange: a read rebuilt the list after notifications 1 and 2 committed, before their pushes came.
        var bob = Guid.NewGuid();
        var cache = new NotificationCache(redis.Connection, Microsoft.Extensions.Options.Options.Create(new Chat.Notifications.Configuration.NotificationOptions()));
        var (first, second, third) = (View(bob, 1), View(bob, 2), View(bob, 3));
        var version = await cache.ReadVersionAsync(bob);
        Assert.True(await cache.TryRebuildAsync(bob, version, [second, first], new NotificationCounts(Unread: 2, Total: 2, Through: 2)));

        // Act: the late pushes, the newer one first, and one the rebuild never saw.
        await cache.PushAndPublishAsync(third);
        await cache.PushAndPublishAsync(second);
        await cache.PushAndPublishAsync(first);

        // Assert: each notification once, each counted once.
        var page = await cache.TryReadFirstPageAsync(bob, 10);
        Assert.NotNull(page);
        Assert.Equal([3L, 2L, 1L], page.Items.Select(item => item.Seq));
        Assert.Equal(3, page.UnreadCount);
        Assert.Equal(3, page.TotalCount);
    }

    private static NotificationView View(Guid userId, long seq)
    {
        using var data = JsonDocument.Parse("{}");
        return new NotificationView(Guid.NewGuid(), userId, "NEW_MESSAGE", "t", $"m{seq}", data.RootElement.Clone(), false,
            DateTimeOffset.UtcNow, seq);
    }

    private static IEnumerable<string?> Titles(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("title").GetString());

    private bool RowExists(Guid id)
    {
        using var connection = new NpgsqlConnection(_env.Database);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT count(*) FROM notifications WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return (long)command.ExecuteScalar()! == 1;
    }
}
