using Chat.Auth.Domain;
using Microsoft.EntityFrameworkCore;

namespace Chat.Auth.Data;

public sealed class AuthDbContext(DbContextOptions<AuthDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutbox();
        modelBuilder.Entity<User>(user =>
        {
            user.HasKey(u => u.Id);
            user.Property(u => u.Email).HasMaxLength(CredentialRules.MaxEmailLength);
            user.Property(u => u.Username).HasMaxLength(32);
            user.Property(u => u.NormalizedUsername).HasMaxLength(32);
            // Both hold lower-cased values, so uniqueness is case-insensitive; the names are what the
            // registration code reads to tell which field collided.
            user.HasIndex(u => u.Email).IsUnique().HasDatabaseName(UniqueEmailIndex);
            user.HasIndex(u => u.NormalizedUsername).IsUnique().HasDatabaseName(UniqueUsernameIndex);
        });

        modelBuilder.Entity<RefreshToken>(token =>
        {
            token.HasKey(t => t.Id);
            token.HasIndex(t => t.TokenHash).IsUnique();
            token.HasIndex(t => t.FamilyId);
            token.HasIndex(t => t.UserId);
            token.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
            token.Ignore(t => t.IsSpent);
        });

        modelBuilder.Entity<SigningKey>(key =>
        {
            key.HasKey(k => k.Kid);
            key.Property(k => k.Kid).HasMaxLength(64);
            // At most one active key, whatever the instances race to do: NULLS NOT DISTINCT makes the
            // NULL retired_at of two active keys collide.
            key.HasIndex(k => k.RetiredAt).IsUnique().AreNullsDistinct(false)
                .HasFilter("retired_at IS NULL").HasDatabaseName("ix_signing_keys_single_active");
        });
    }

    public const string UniqueEmailIndex = "ix_users_email";
    public const string UniqueUsernameIndex = "ix_users_normalized_username";
}
