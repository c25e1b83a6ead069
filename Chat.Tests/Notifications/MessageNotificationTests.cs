using System.Text.Json;
using Chat.Contracts.Events;
using Chat.Notifications.Domain;
using Chat.Tests.Eventing.Infrastructure;
using Chat.Tests.Notifications.Support;
using Microsoft.EntityFrameworkCore;

namespace Chat.Tests.Notifications;

/// <summary>message.created → a "new message" notification for every participant but the sender, exactly once.</summary>
public sealed class MessageNotificationTests(EventingPostgres postgres, NotificationsRedis redis) : IAsyncLifetime
{
    private readonly NotificationTestEnvironment _env = new(postgres, redis);

    public ValueTask InitializeAsync() => _env.InitializeAsync();

    public ValueTask DisposeAsync() => _env.DisposeAsync();

    [Fact]
    public async Task MessageCreated_NotifiesEveryParticipantButTheSender_WithSenderNamePreviewAndData()
    {
        // Arrange
        _env.StartService();
        var (sender, bob, carol) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var conversation = Guid.NewGuid();
        await _env.PublishAsync(NotificationEvents.Registered(sender, "alice"));
        await _env.WaitForAsync(db => db.Users.AnyAsync(u => u.Id == sender), found => found, "alice in the directory");
        var content = string.Concat(Enumerable.Repeat("word ", 60));
        var message = NotificationEvents.Message(conversation, sender, [sender, bob, carol], content);

        // Act
        await _env.PublishAsync(message);

        // Assert
        var notifications = await _env.WaitForAsync(
            db => db.Notifications.Where(n => n.SourceEventId == message.EventId).ToListAsync(), rows => rows.Count >= 2, "two notifications");
        Assert.Equal(new[] { bob, carol }.Order(), notifications.Select(n => n.UserId).Order());
        Assert.All(notifications, n =>
        {
            Assert.Equal(NotificationTypes.NewMessage, n.Type);
            Assert.Equal("New message from alice", n.Title);
            Assert.Equal(100, n.Message.Length);
            Assert.EndsWith("…", n.Message);
            Assert.False(n.Read);
            using var data = JsonDocument.Parse(n.Data);
            Assert.Equal(conversation, data.RootElement.GetProperty("conversationId").GetGuid());
            Assert.Equal(message.MessageId, data.RootElement.GetProperty("messageId").GetGuid());
            Assert.Equal(sender, data.RootElement.GetProperty("senderId").GetGuid());
        });
    }

    [Fact]
    public async Task MessageCreated_WhenTheSameEventIsDeliveredAgain_NotifiesEachRecipientOnce()
    {
        // Arrange: the event twice (a producer retry or an outbox re-send), then a later one to know both were read.
        _env.StartService();
        var (sender, bob) = (Guid.NewGuid(), Guid.NewGuid());
        var conversation = Guid.NewGuid();
        var duplicated = NotificationEvents.Message(conversation, sender, [sender, bob], "twice");
        var later = NotificationEvents.Message(conversation, sender, [sender, bob], "after");

        // Act
        await _env.PublishAsync(duplicated);
        await _env.PublishAsync(duplicated);
        await _env.PublishAsync(later);

        // Assert: same key, same partition, in order: the duplicate was read before "later".
        await _env.WaitForAsync(db => db.Notifications.AnyAsync(n => n.SourceEventId == later.EventId), found => found, "the later event");
        var count = await _env.QueryAsync(db => db.Notifications.CountAsync(n => n.SourceEventId == duplicated.EventId && n.UserId == bob));
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task MessageCreated_WithoutParticipantIds_UsesTheConversationProjection()
    {
        // Arrange: the membership arrives first (and changes), then a message whose event lists no participants.
        _env.StartService();
        var (sender, bob, carol, dave) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var conversation = Guid.NewGuid();
        await _env.PublishAsync(NotificationEvents.Conversation(conversation, [sender, bob, carol]));
        await _env.PublishAsync(NotificationEvents.Conversation(conversation, [sender, bob, dave], ConversationChangeKind.MemberRemoved));
        await _env.WaitForAsync(db => db.ConversationMembers.AnyAsync(m => m.ConversationId == conversation && m.UserId == dave),
            found => found, "dave in the projection");
        var message = NotificationEvents.Message(conversation, sender, [], "to the members");

        // Act
        await _env.PublishAsync(message);

        // Assert: carol left before the message, dave joined; the sender is never notified.
        var recipients = await _env.WaitForAsync(
            db => db.Notifications.Where(n => n.SourceEventId == message.EventId).Select(n => n.UserId).ToListAsync(),
            rows => rows.Count >= 2, "two notifications");
        Assert.Equal(new[] { bob, dave }.Order(), recipients.Order());
    }

    [Fact]
    public async Task MessageCreated_FromAnUnknownSender_IsStillNotifiedWithAGenericTitle()
    {
        _env.StartService();
        var (sender, bob) = (Guid.NewGuid(), Guid.NewGuid());
        var message = NotificationEvents.Message(Guid.NewGuid(), sender, [sender, bob]);

        await _env.PublishAsync(message);

        var notification = await _env.WaitForAsync(
            db => db.Notifications.SingleOrDefaultAsync(n => n.SourceEventId == message.EventId), row => row is not null, "the notification");
        Assert.Equal("New message", notification!.Title);
    }
}
