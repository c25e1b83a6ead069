using Chat.Messaging.Domain;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Chat.Messaging.Data;

public sealed class ChatDbContext(DbContextOptions<ChatDbContext> options) : DbContext(options)
{
    public const string UniqueDirectKeyIndex = "ix_conversations_direct_key";
    public const string UniqueClientMessageIdIndex = "ix_messages_sender_id_client_message_id";
    public const string SearchVector = "SearchVector";

    /// <summary>English stemming, so "meeting" finds "meetings"; the query side must use the same configuration.</summary>
    public const string SearchConfiguration = "english";

    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<ConversationMember> Members => Set<ConversationMember>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<MessageReaction> Reactions => Set<MessageReaction>();
    public DbSet<MessageVersion> Versions => Set<MessageVersion>();
    public DbSet<ThreadRead> ThreadReads => Set<ThreadRead>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutbox();

        modelBuilder.Entity<Conversation>(conversation =>
        {
            conversation.HasKey(c => c.Id);
            conversation.Property(c => c.Title).HasMaxLength(MessagingRules.MaxTitleLength);
            conversation.Property(c => c.DirectKey).HasMaxLength(65);
            conversation.HasIndex(c => c.DirectKey).IsUnique().HasDatabaseName(UniqueDirectKeyIndex);
            conversation.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ConversationMember>(member =>
        {
            member.ToTable("conversation_members");
            member.HasKey(m => new { m.ConversationId, m.UserId });
            // "My conversations" starts from the user.
            member.HasIndex(m => m.UserId);
            member.Property(m => m.Version).IsRowVersion();
        });

        modelBuilder.Entity<Message>(message =>
        {
            message.HasKey(m => m.Id);
            message.Property(m => m.Content).HasMaxLength(MessagingRules.MaxContentLength);
            message.Property(m => m.ClientMessageId).HasMaxLength(MessagingRules.MaxClientMessageIdLength);
            message.Ignore(m => m.IsDeleted);
            message.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
            // History and replay by seq; one seq per message of a conversation, whatever a bug might try.
            message.HasIndex(m => new { m.ConversationId, m.Seq }).IsUnique();
            // Replay of edits and deletions by their change position; most messages are never changed.
            message.HasIndex(m => new { m.ConversationId, m.ChangeSeq }).HasFilter("change_seq > 0");
            // Unread counts compare (created_at, id) with the read pointer within one conversation.
            message.HasIndex(m => new { m.ConversationId, m.CreatedAt, m.Id }).IsDescending(false, true, true);
            message.HasIndex(m => new { m.SenderId, m.ClientMessageId }).IsUnique()
                .HasFilter("client_message_id IS NOT NULL").HasDatabaseName(UniqueClientMessageIdIndex);
            message.Property<NpgsqlTsVector>(SearchVector)
                .HasComputedColumnSql($"to_tsvector('{SearchConfiguration}', content)", stored: true);
            message.HasIndex(SearchVector).HasMethod("GIN");
            // A thread's replies, oldest first, and its unread count after a member's read position.
            message.HasIndex(m => new { m.ReplyToId, m.Seq }).HasFilter("reply_to_id IS NOT NULL");
            message.Property(m => m.LastChange).HasConversion<string>().HasMaxLength(16);
        });

        modelBuilder.Entity<MessageReaction>(reaction =>
        {
            reaction.ToTable("message_reactions");
            reaction.HasKey(r => new { r.MessageId, r.Emoji, r.UserId });
            reaction.Property(r => r.Emoji).HasMaxLength(ReactionEmoji.MaxLength);
            // Who reacted with an emoji, in the order they did (the reactors page's keyset).
            reaction.HasIndex(r => new { r.MessageId, r.Emoji, r.CreatedAt, r.UserId });
            reaction.HasOne<Message>().WithMany().HasForeignKey(r => r.MessageId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<MessageVersion>(version =>
        {
            version.ToTable("message_versions");
            version.HasKey(v => new { v.MessageId, v.Version });
            version.Property(v => v.Content).HasMaxLength(MessagingRules.MaxContentLength);
            version.HasOne<Message>().WithMany().HasForeignKey(v => v.MessageId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ThreadRead>(read =>
        {
            read.ToTable("thread_reads");
            read.HasKey(r => new { r.RootId, r.UserId });
            read.HasOne<Message>().WithMany().HasForeignKey(r => r.RootId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
