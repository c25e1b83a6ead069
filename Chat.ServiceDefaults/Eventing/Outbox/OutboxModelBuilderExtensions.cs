using Chat.ServiceDefaults.Eventing.Outbox;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Maps the outbox and inbox tables into a service's own model (and so its migrations).</summary>
public static class OutboxModelBuilderExtensions
{
    public const string OutboxTable = "outbox_messages";
    public const string InboxTable = "inbox_messages";

    /// <summary>Names are explicit so the publisher's SQL matches whatever naming convention the context uses.</summary>
    public static ModelBuilder AddOutbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable(OutboxTable);
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            outbox.Property(m => m.EventId).HasColumnName("event_id");
            outbox.Property(m => m.Topic).HasColumnName("topic").HasMaxLength(249);
            outbox.Property(m => m.Key).HasColumnName("key").HasMaxLength(200);
            outbox.Property(m => m.EventType).HasColumnName("event_type").HasMaxLength(200);
            outbox.Property(m => m.Payload).HasColumnName("payload").HasColumnType("jsonb");
            outbox.Property(m => m.Headers).HasColumnName("headers").HasColumnType("jsonb");
            outbox.Property(m => m.CreatedAt).HasColumnName("created_at");
            outbox.Property(m => m.SentAt).HasColumnName("sent_at");
            outbox.Property(m => m.Attempts).HasColumnName("attempts");
            outbox.Property(m => m.LastError).HasColumnName("last_error");
            outbox.HasIndex(m => m.EventId).IsUnique().HasDatabaseName("ix_outbox_messages_event_id");
            // The publisher looks for the oldest unsent row of each key; sent rows drop out of the index.
            outbox.HasIndex(m => new { m.Topic, m.Key, m.Id }).HasFilter("sent_at IS NULL")
                .HasDatabaseName("ix_outbox_messages_unsent_by_key");
            outbox.HasIndex(m => m.Id).HasFilter("sent_at IS NULL").HasDatabaseName("ix_outbox_messages_unsent");
            outbox.HasIndex(m => m.SentAt).HasFilter("sent_at IS NOT NULL").HasDatabaseName("ix_outbox_messages_sent_at");
        });
        return modelBuilder;
    }

    public static ModelBuilder AddInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable(InboxTable);
            inbox.HasKey(m => new { m.EventId, m.Consumer });
            inbox.Property(m => m.EventId).HasColumnName("event_id");
            inbox.Property(m => m.Consumer).HasColumnName("consumer").HasMaxLength(200);
            inbox.Property(m => m.ProcessedAt).HasColumnName("processed_at");
        });
        return modelBuilder;
    }
}
