using Microsoft.EntityFrameworkCore;

namespace Chat.Tests.Eventing.Infrastructure;

/// <summary>A service's database as the eventing tests need it: outbox, inbox and one table of handler effects.</summary>
public sealed class EventingTestDbContext(DbContextOptions<EventingTestDbContext> options) : DbContext(options)
{
    public DbSet<HandledMessage> HandledMessages => Set<HandledMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutbox();
        modelBuilder.AddInbox();
        // Deliberately no unique index on EventId: only the inbox may stop a second effect.
        modelBuilder.Entity<HandledMessage>().HasKey(m => m.Id);
    }
}
