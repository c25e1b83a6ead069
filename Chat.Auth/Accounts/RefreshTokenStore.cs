using System.Security.Cryptography;
using System.Text;
using Chat.Auth.Configuration;
using Chat.Auth.Data;
using Chat.Auth.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Chat.Auth.Accounts;

/// <summary>Opaque refresh tokens: issue, rotate with reuse detection, revoke by family.</summary>
public sealed partial class RefreshTokenStore(
    AuthDbContext db, TimeProvider clock, IOptions<TokenOptions> options, ILogger<RefreshTokenStore> logger)
{
    /// <summary>Adds a new token of <paramref name="familyId"/> to the context; the caller's SaveChanges stores it.</summary>
    public IssuedRefreshToken Add(Guid userId, Guid familyId)
    {
        var value = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var row = new RefreshToken
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            FamilyId = familyId,
            TokenHash = Hash(value),
            CreatedAt = now,
            ExpiresAt = now + options.Value.RefreshTokenLifetime,
        };
        db.RefreshTokens.Add(row);
        return new IssuedRefreshToken(value, row);
    }

    /// <summary>
    /// Replaces <paramref name="presented"/> by a new token of its family. A token that was already replaced or
    /// revoked, including one that loses a race against a concurrent refresh of itself, revokes its whole family.
    /// </summary>
    public async Task<IssuedRefreshToken> RotateAsync(string presented, CancellationToken cancellationToken)
    {
        var current = await FindAsync(presented, cancellationToken) ?? throw new InvalidRefreshTokenException();
        if (current.IsSpent)
        {
            await RevokeReusedFamilyAsync(current, cancellationToken);
        }

        if (current.ExpiresAt <= clock.GetUtcNow())
        {
            throw new InvalidRefreshTokenException();
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var next = await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var candidate = Add(current.UserId, current.FamilyId);
            await db.SaveChangesAsync(ct);
            // The conditional UPDATE row-locks the old token: of two concurrent refreshes one claims it, the
            // other re-checks the condition after the first commits, matches nothing, and rolls back its child.
            var claimed = await db.RefreshTokens
                .Where(t => t.Id == current.Id && t.ReplacedById == null && t.RevokedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.ReplacedById, candidate.Row.Id), ct);
            if (claimed == 0)
            {
                await transaction.RollbackAsync(ct);
                return null;
            }

            await transaction.CommitAsync(ct);
            return candidate;
        }, cancellationToken);

        return next ?? await RevokeReusedFamilyAsync(current, cancellationToken);
    }

    public Task<RefreshToken?> FindAsync(string value, CancellationToken cancellationToken)
    {
        var hash = Hash(value);
        return db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
    }

    public Task<int> RevokeFamilyAsync(Guid familyId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.RefreshTokens
            .Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now), cancellationToken);
    }

    private async Task<IssuedRefreshToken> RevokeReusedFamilyAsync(RefreshToken reused, CancellationToken cancellationToken)
    {
        var revoked = await RevokeFamilyAsync(reused.FamilyId, cancellationToken);
        LogReuseDetected(reused.UserId, reused.FamilyId, revoked);
        throw new InvalidRefreshTokenException();
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    [LoggerMessage(Level = LogLevel.Warning, EventName = "RefreshTokenReuse",
        Message = "Security: a spent refresh token was presented again; revoked family {FamilyId} of user {UserId} ({Revoked} tokens)")]
    private partial void LogReuseDetected(Guid userId, Guid familyId, int revoked);
}
