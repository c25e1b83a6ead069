using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Chat.Contracts.Events;
using Chat.Notifications.Delivery;
using Chat.Notifications.Domain;
using Chat.Tests.Eventing.Infrastructure;
using Chat.Tests.Infrastructure;
using Chat.Tests.Notifications.Support;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Chat.Tests.Notifications;

/// <summary>message.deleted → the message's text leaves its notifications (rows, cached list) and is never pushed.</summary>
public sealed class MessageDeletionTests(EventingPostgres postgres, NotificationsRedis redis) : IAsyncLifetime
{
    private const string Secret = "the secret plan";

    private readonly NotificationTestEnvironment _env = new(postgres, redis);

    public ValueTask InitializeAsync() => _env.InitializeAsync();

    public ValueTask DisposeAsync() => _env.DisposeAsync();

    [Fact]
    public async Task MessageDeleted_ReplacesItsTextInStoredRows_AndInTheCachedList_OtherNotificationsKeepTheirs()
    {
        // Arrange: two messages to bob and carol; bob's first page read once, so his Redis list is warm and quotes both.
        var service = _env.StartService();
        var (sender, bob, carol) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var conversation = Guid.NewGuid();
        var kept = NotificationEvents.Message(conversation, sender, [sender, bob, carol], "see you at noon");
        var deleted = NotificationEvents.Message(conversation, sender, [sender, bob, carol], Secret);
        await _env.PublishAsync(kept);
        await _env.PublishAsync(deleted);
        await _env.WaitForAsync(db => db.Notifications.CountAsync(n => n.SourceEventId == deleted.EventId), count => count == 2, "both notified");
        using var bobClient = _env.ClientFor(service, bob);
        Assert.Contains(Secret, await FirstPageTextAsync(bobClient));
        Assert.Contains(await CachedListAsync(bob), entry => entry.Contains(Secret, StringComparison.Ordinal));

        // Act
        await _env.PublishAsync(new MessageDeleted(deleted.MessageId, conversation, sender, DateTimeOffset.UtcNow));

        // Assert: the rows of both recipients say it was deleted, the other message's notifications are untouched.
        var rows = await _env.WaitForAsync(
            db => db.Notifications.Where(n => n.MessageId == deleted.MessageId).ToListAsync(),
            found => found.Count == 2 && found.All(n => n.Message == MessagePreview.Deleted), "redacted rows");
        Assert.Equal(new[] { bob, carol }.Order(), rows.Select(n => n.UserId).Order());
        Assert.Equal(2, await _env.QueryAsync(db => db.Notifications.CountAsync(n => n.MessageId == kept.MessageId && n.Message == "see you at noon")));
        await Eventually.ReturnsAsync(() => CachedListAsync(bob), list => list.All(entry => !entry.Contains(Secret, StringComparison.Ordinal)),
            NotificationTestEnvironment.Timeout, "bob's cached list without the text");
        var page = await FirstPageTextAsync(bobClient);
        Assert.DoesNotContain(Secret, page);
        Assert.Contains(MessagePreview.Deleted, page);
        Assert.Contains("see you at noon", page);
    }

    [Fact]
    public async Task MessageCreated_ReadAfterItsDeletion_NotifiesNobody_AndPublishesNothing()
    {
        // Arrange: the deletion is consumed first (the topics have no order between them).
        _env.StartService();
        var (sender, bob) = (Guid.NewGuid(), Guid.NewGuid());
        var conversation = Guid.NewGuid();
        var received = Channel.CreateUnbounded<string>();
        await using var connection = await redis.ConnectAsync();
        await connection.GetSubscriber().SubscribeAsync(RedisChannel.Literal(NotificationCacheKeys.Channel(bob)),
            (_, value) => received.Writer.TryWrite((string)value!));
        var deleted = NotificationEvents.Message(conversation, sender, [sender, bob], Secret);
        await _env.PublishAsync(new MessageDeleted(deleted.MessageId, conversation, sender, DateTimeOffset.UtcNow));
        await _env.WaitForAsync(db => db.DeletedMessages.AnyAsync(d => d.MessageId == deleted.MessageId), found => found, "the tombstone");
        var later = NotificationEvents.Message(conversation, sender, [sender, bob], "a later message");

        // Act: same conversation key, same partition: the deleted one is handled before the later one.
        await _env.PublishAsync(deleted);
        await _env.PublishAsync(later);

        // Assert
        await _env.WaitForAsync(db => db.Notifications.AnyAsync(n => n.SourceEventId == later.EventId), found => found, "the later notification");
        Assert.False(await _env.QueryAsync(db => db.Notifications.AnyAsync(n => n.MessageId == deleted.MessageId)));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(NotificationTestEnvironment.Timeout);
        var pushed = await received.Reader.ReadAsync(timeout.Token);
        Assert.Contains("a later message", pushed);
        Assert.False(received.Reader.TryRead(out var extra), $"nothing else was pushed, got {extra}");
    }

    [Fact]
    public async Task MessageDeleted_DeliveredTwice_IsHarmless()
    {
        _env.StartService();
        var (sender, bob) = (Guid.NewGuid(), Guid.NewGuid());
        var conversation = Guid.NewGuid();
        var message = NotificationEvents.Message(conversation, sender, [sender, bob], Secret);
        await _env.PublishAsync(message);
        await _env.WaitForAsync(db => db.Notifications.AnyAsync(n => n.SourceEventId == message.EventId), found => found, "the notification");

        // Two deletions of the same message (a replayed outbox row has the same event id, a second delete a new one).
        var deletion = new MessageDeleted(message.MessageId, conversation, sender, DateTimeOffset.UtcNow);
        await _env.PublishAsync(deletion);
        await _env.PublishAsync(deletion);
        await _env.PublishAsync(new MessageDeleted(message.MessageId, conversation, sender, DateTimeOffset.UtcNow));
        var marker = new MessageDeleted(Guid.NewGuid(), conversation, sender, DateTimeOffset.UtcNow);
        await _env.PublishAsync(marker);

        await _env.WaitForAsync(db => db.DeletedMessages.AnyAsync(d => d.MessageId == marker.MessageId), found => found, "all deletions read");
        Assert.Equal(1, await _env.QueryAsync(db => db.DeletedMessages.CountAsync(d => d.MessageId == message.MessageId)));
        var row = await _env.QueryAsync(db => db.Notifications.SingleAsync(n => n.SourceEventId == message.EventId));
        Assert.Equal(MessagePreview.Deleted, row.Message);
    }

    private static async Task<string> FirstPageTextAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<JsonObject>("/notifications?first=20", TestContext.Current.CancellationToken);
        return page!.ToJsonString();
    }

    private async Task<string[]> CachedListAsync(Guid userId) =>
        [.. (await redis.Connection.GetDatabase().ListRangeAsync(NotificationCacheKeys.List(userId))).Select(entry => (string)entry!)];
}
