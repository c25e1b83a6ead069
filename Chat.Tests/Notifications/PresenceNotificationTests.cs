using Chat.Contracts.Events;
using Chat.Notifications.Domain;
using Chat.Tests.Eventing.Infrastructure;
using Chat.Tests.Notifications.Support;
using Microsoft.EntityFrameworkCore;

namespace Chat.Tests.Notifications;

/// <summary>presence.updated to ONLINE → "user online" only for people who share a conversation, not in storms.</summary>
public sealed class PresenceNotificationTests(EventingPostgres postgres, NotificationsRedis redis) : IAsyncLifetime
{
    private readonly NotificationTestEnvironment _env = new(postgres, redis);

    public ValueTask InitializeAsync() => _env.InitializeAsync();

    public ValueTask DisposeAsync() => _env.DisposeAsync();

    [Fact]
    public async Task Online_NotifiesOnlyTheUsersWhoShareAConversation()
    {
        // Arrange: alice shares a 1:1 with bob and a group with carol; dave is only in a conversation with erin.
        _env.StartService();
        var (alice, bob, carol, dave, erin) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await _env.PublishAsync(NotificationEvents.Registered(alice, "alice"));
        await _env.PublishAsync(NotificationEvents.Conversation(Guid.NewGuid(), [alice, bob]));
        await _env.PublishAsync(NotificationEvents.Conversation(Guid.NewGuid(), [alice, carol, bob]));
        await _env.PublishAsync(NotificationEvents.Conversation(Guid.NewGuid(), [dave, erin]));
        await _env.WaitForAsync(async db => await db.ConversationMembers.CountAsync(m => m.UserId == dave) == 1
            && await db.Users.AnyAsync(u => u.Id == alice), ready => ready, "the projection");
        var online = NotificationEvents.Presence(alice, PresenceStatus.Online, PresenceStatus.Offline);

        // Act
        await _env.PublishAsync(online);

        // Assert: bob once (though in two shared conversations), carol once, nobody else, never alice herself.
        var rows = await _env.WaitForAsync(db => db.Notifications.Where(n => n.SourceEventId == online.EventId).ToListAsync(),
            all => all.Count >= 2, "two notifications");
        Assert.Equal(new[] { bob, carol }.Order(), rows.Select(n => n.UserId).Order());
        Assert.All(rows, n =>
        {
            Assert.Equal(NotificationTypes.UserOnline, n.Type);
            Assert.Equal("User online", n.Title);
            Assert.Equal("alice is online", n.Message);
        });
        await PublishMarkerAndWaitAsync();
        Assert.Equal(2, await _env.QueryAsync(db => db.Notifications.CountAsync(n => n.SourceEventId == online.EventId)));
    }

    [Fact]
    public async Task Online_WhenTheUserFlapsWithinTheCooldown_NotifiesOncePerRecipient()
    {
        // Arrange
        _env.StartService();
        var (alice, bob) = (Guid.NewGuid(), Guid.NewGuid());
        await ShareConversationAsync(alice, bob);

        // Act: online, offline, online, away, online — within seconds.
        await _env.PublishAsync(NotificationEvents.Presence(alice, PresenceStatus.Online, PresenceStatus.Offline));
        await _env.PublishAsync(NotificationEvents.Presence(alice, PresenceStatus.Offline, PresenceStatus.Online));
        await _env.PublishAsync(NotificationEvents.Presence(alice, PresenceStatus.Online, PresenceStatus.Offline));
        await _env.PublishAsync(NotificationEvents.Presence(alice, PresenceStatus.Away, PresenceStatus.Online));
        await _env.PublishAsync(NotificationEvents.Presence(alice, PresenceStatus.Online, PresenceStatus.Away));
        await PublishMarkerAndWaitAsync();

        // Assert
        Assert.Equal(1, await _env.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == bob && n.Type == NotificationTypes.UserOnline)));
    }

    [Fact]
    public async Task Online_AfterTheCooldownHasPassed_NotifiesAgain()
    {
        // Arrange: a 1-minute cooldown; the cooldown runs on the events' own clock (occurredAt).
        _env.StartService(new Dictionary<string, string?> { ["Notifications:OnlineNotificationCooldown"] = "00:01:00" });
        var (alice, bob) = (Guid.NewGuid(), Guid.NewGuid());
        await ShareConversationAsync(alice, bob);
        var now = DateTimeOffset.UtcNow;

        // Act
        await _env.PublishAsync(NotificationEvents.Presence(alice, PresenceStatus.Online, PresenceStatus.Offline) with { OccurredAt = now });
        await _env.PublishAsync(NotificationEvents.Presence(alice, PresenceStatus.Online, PresenceStatus.Offline) with { OccurredAt = now.AddSeconds(59) });
        await _env.PublishAsync(NotificationEvents.Presence(alice, PresenceStatus.Online, PresenceStatus.Offline) with { OccurredAt = now.AddSeconds(61) });
        await PublishMarkerAndWaitAsync();

        // Assert: the first, not the one 59 s later, and again after a minute.
        Assert.Equal(2, await _env.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == bob && n.Type == NotificationTypes.UserOnline)));
    }

    private async Task ShareConversationAsync(Guid alice, Guid bob)
    {
        var conversation = Guid.NewGuid();
        await _env.PublishAsync(NotificationEvents.Conversation(conversation, [alice, bob]));
        await _env.WaitForAsync(db => db.ConversationMembers.CountAsync(m => m.ConversationId == conversation), count => count == 2, "the projection");
    }

    /// <summary>presence.updated has one partition: once a later event is handled, every earlier one was too.</summary>
    private async Task PublishMarkerAndWaitAsync()
    {
        var marker = NotificationEvents.Presence(Guid.NewGuid(), PresenceStatus.Busy, PresenceStatus.Online);
        await _env.PublishAsync(marker);
        await _env.WaitForAsync(db => db.Set<Chat.ServiceDefaults.Eventing.Outbox.InboxMessage>().AnyAsync(m => m.EventId == marker.EventId),
            handled => handled, "the marker event");
    }
}
