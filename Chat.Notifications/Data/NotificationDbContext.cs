using System.Diagnostics;
using Chat.Notifications.Delivery;
using Chat.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace Chat.Notifications.Data;

public sealed class NotificationDbContext(DbContextOptions<NotificationDbContext> options) : DbContext(options)
{
    public const string UniqueSourceIndex = "ix_notifications_source_event_id_user_id";

    // Notifications of the current unit of work: added but not saved yet, and saved but not committed yet. They are
    // handed to Redis only once their transaction committed (see DeliverAfterCommitInterceptor). Pooled contexts are
    // reused: the interceptor empties both on every outcome.
    private readonly List<PendingDelivery> _unsavedDeliveries = [];
    private readonly List<PendingDelivery> _savedDeliveries = [];

    // Users whose cached list quotes a message deleted in the current unit of work, dropped once it committed.
    private readonly HashSet<Guid> _listsToDrop = [];

    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<ConversationMember> ConversationMembers => Set<ConversationMember>();
    public DbSet<DirectoryUser> Users => Set<DirectoryUser>();
    public DbSet<OnlineNotificationCooldown> OnlineNotificationCooldowns => Set<OnlineNotificationCooldown>();
    public DbSet<DeletedMessage> DeletedMessages => Set<DeletedMessage>();
    public DbSet<NotificationSequence> Sequences => Set<NotificationSequence>();

    /// <summary>Stores <paramref name="notification"/> and, once the transaction commits, caches and publishes it.</summary>
    public void AddNotification(Notification notification, DateTimeOffset eventOccurredAt)
    {
        Notifications.Add(notification);
        _unsavedDeliveries.Add(new PendingDelivery(notification, eventOccurredAt, Activity.Current?.Context ?? default));
    }

    /// <summary>Drops the Redis list of <paramref name="userId"/> once the transaction commits (it is rebuilt on the next read).</summary>
    public void DropCachedListAfterCommit(Guid userId) => _listsToDrop.Add(userId);

    /// <summary>
    /// After a successful SaveChanges: the notifications it stored, which now wait for their transaction's commit.
    /// A context back from the pool after an abandoned unit of work has a cleared change tracker: what it still lists
    /// but no longer tracks was never saved by this unit of work, and is dropped.
    /// </summary>
    internal IReadOnlyList<PendingDelivery> AcceptSavedDeliveries()
    {
        var saved = _unsavedDeliveries.Where(delivery => Entry(delivery.Notification).State != EntityState.Detached).ToArray();
        _unsavedDeliveries.Clear();
        _savedDeliveries.AddRange(saved);
        return saved;
    }

    internal IReadOnlyList<PendingDelivery> TakeSavedDeliveries()
    {
        var taken = _savedDeliveries.ToArray();
        _savedDeliveries.Clear();
        return taken;
    }

    internal IReadOnlyList<Guid> TakeListsToDrop()
    {
        var taken = _listsToDrop.ToArray();
        _listsToDrop.Clear();
        return taken;
    }

    internal void DiscardPendingCacheWork()
    {
        _unsavedDeliveries.Clear();
        _savedDeliveries.Clear();
        _listsToDrop.Clear();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddInbox();
        modelBuilder.AddOutbox();

        modelBuilder.Entity<Notification>(notification =>
        {
            notification.HasKey(n => n.Id);
            notification.Property(n => n.Type).HasMaxLength(32);
            notification.Property(n => n.Title).HasMaxLength(200);
            notification.Property(n => n.Message).HasMaxLength(500);
            notification.Property(n => n.Data).HasColumnType("jsonb");
            notification.HasIndex(n => new { n.SourceEventId, n.UserId }).IsUnique().HasDatabaseName(UniqueSourceIndex);
            // Replay after a user's position; one seq per notification of a user.
            notification.HasIndex(n => new { n.UserId, n.Seq }).IsUnique();
            // Keyset paging, newest first.
            notification.HasIndex(n => new { n.UserId, n.CreatedAt, n.Id }).IsDescending(false, true, true);
            // Unread counts touch only unread rows.
            notification.HasIndex(n => n.UserId).HasFilter("NOT read").HasDatabaseName("ix_notifications_unread_user_id");
            // A deleted message finds the notifications that quote it.
            notification.HasIndex(n => n.MessageId).HasFilter("message_id IS NOT NULL");
        });

        modelBuilder.Entity<ConversationMember>(member =>
        {
            member.HasKey(m => new { m.ConversationId, m.UserId });
            member.HasIndex(m => m.UserId);
        });

        modelBuilder.Entity<DirectoryUser>(user =>
        {
            user.ToTable("users");
            user.HasKey(u => u.Id);
            user.Property(u => u.Id).ValueGeneratedNever();
            user.Property(u => u.Username).HasMaxLength(64);
        });

        modelBuilder.Entity<OnlineNotificationCooldown>(cooldown => cooldown.HasKey(c => new { c.RecipientId, c.SubjectId }));

        modelBuilder.Entity<NotificationSequence>(sequence =>
        {
            sequence.ToTable("notification_sequences");
            sequence.HasKey(s => s.UserId);
            sequence.Property(s => s.UserId).ValueGeneratedNever();
        });

        modelBuilder.Entity<DeletedMessage>(deleted =>
        {
            deleted.HasKey(d => d.MessageId);
            deleted.Property(d => d.MessageId).ValueGeneratedNever();
        });
    }
}
