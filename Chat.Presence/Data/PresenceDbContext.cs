using Chat.Contracts.Events;
using Chat.Presence.Domain;
using Microsoft.EntityFrameworkCore;

namespace Chat.Presence.Data;

public sealed class PresenceDbContext(DbContextOptions<PresenceDbContext> options) : DbContext(options)
{
    public DbSet<PresenceHistoryEntry> History => Set<PresenceHistoryEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutbox();
        modelBuilder.Entity<PresenceHistoryEntry>(entry =>
        {
            entry.ToTable("presence_history");
            // Ids come from the transition (the same id as its event), never from the database.
            entry.Property(e => e.Id).ValueGeneratedNever();
            entry.Property(e => e.Status).HasConversion(
                status => ToWire(status),
                value => FromWire(value)).HasMaxLength(16);
            // Serves both "history of a user, newest first" and "last known lastSeenAt of these users".
            entry.HasIndex(e => new { e.UserId, e.LastSeenAt });
        });
    }

    private static string ToWire(PresenceStatus status) => status.ToString().ToUpperInvariant();

    private static PresenceStatus FromWire(string value) => Enum.Parse<PresenceStatus>(value, ignoreCase: true);
}
