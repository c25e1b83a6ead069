using System.Collections.Concurrent;
using Chat.Notifications.Delivery;
using Chat.Tests.Eventing.Infrastructure;
using Chat.Tests.Notifications.Support;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Chat.Tests.Notifications;

/// <summary>Nothing lost, nothing doubled: a group's notifications survive the service being restarted mid-stream.</summary>
public sealed class ConsumerRestartTests(EventingPostgres postgres, NotificationsRedis redis) : IAsyncLifetime
{
    private const int Messages = 80;
    private readonly NotificationTestEnvironment _env = new(postgres, redis);

    public ValueTask InitializeAsync() => _env.InitializeAsync();

    public ValueTask DisposeAsync() => _env.DisposeAsync();

    [Fact]
    public async Task GroupOfFive_WhenTheServiceRestartsWhileMessagesStream_EveryoneButTheSenderGetsExactlyOnePerMessage()
    {
        // Arrange: a group of five, and a listener on every member's channel counting each publication.
        var ct = TestContext.Current.CancellationToken;
        var members = NotificationEvents.Users(5);
        var conversation = Guid.NewGuid();
        var published = new ConcurrentBag<(Guid UserId, Guid NotificationId)>();
        await using var connection = await redis.ConnectAsync();
        var subscriber = connection.GetSubscriber();
        foreach (var member in members)
        {
            await subscriber.SubscribeAsync(RedisChannel.Literal(NotificationCacheKeys.Channel(member)),
                (_, value) => published.Add((member, NotificationView.FromJson(value!).Id)));
        }

        var first = _env.StartService();
        var events = Enumerable.Range(0, Messages)
            .Select(i => NotificationEvents.Message(conversation, members[i % members.Length], members, $"message {i}"))
            .ToList();

        // Act: stream the messages; once some are handled, stop the instance and start a new one mid-stream.
        var stream = Task.Run(async () =>
        {
            foreach (var message in events)
            {
                await _env.PublishAsync(message);
                await Task.Delay(80, ct);
            }
        }, ct);
        await _env.WaitForAsync(db => db.Notifications.CountAsync(), count => count >= 20, "the first notifications");
        await _env.StopServiceAsync(first);
        var streamDoneAtRestart = stream.IsCompleted;
        var handledBeforeRestart = await _env.QueryAsync(db => db.Notifications.CountAsync());
        _env.StartService();
        await stream;

        // Assert: every message notified the four others, once each, in the database and on their channels.
        var expected = Messages * (members.Length - 1);
        var rows = await _env.WaitForAsync(
            db => db.Notifications.Select(n => new { n.SourceEventId, n.UserId, n.Id }).ToListAsync(),
            all => all.Count >= expected, $"{expected} notifications");
        await Infrastructure.Eventually.TrueAsync(() => published.Count >= expected, NotificationTestEnvironment.Timeout, "every publication");
        Assert.False(streamDoneAtRestart, "the restart happened while messages were still being published");
        Assert.InRange(handledBeforeRestart, 1, expected - 1);
        Assert.Equal(expected, rows.Count);
        Assert.Equal(expected, rows.Select(r => (r.SourceEventId, r.UserId)).Distinct().Count());
        foreach (var message in events)
        {
            var recipients = rows.Where(r => r.SourceEventId == message.EventId).Select(r => r.UserId).Order();
            Assert.Equal(members.Where(m => m != message.SenderId).Order(), recipients);
        }

        Assert.Equal(expected, published.Count);
        Assert.Equal(rows.Select(r => (r.UserId, r.Id)).Order(), published.Order());
    }
}
