using System.Collections.Concurrent;
using System.Security.Cryptography;
using Chat.Auth.Configuration;
using Chat.Auth.Data;
using Chat.Auth.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Chat.Auth.Security;

/// <summary>
/// The ES256 keys this service signs and verifies access tokens with, kept in the database so that tokens
/// survive a restart and every instance shares them. Holds an in-memory snapshot (token validation resolves
/// keys synchronously) that <see cref="ReloadAsync"/> refreshes.
/// </summary>
public sealed partial class SigningKeyRing(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<TokenOptions> options, ILogger<SigningKeyRing> logger)
{
    // Serializes key creation and rotation across instances (pg_advisory_xact_lock takes a bigint).
    private const long KeyChangeLockId = 0x43_68_61_74_4B_65_79;

    private readonly ConcurrentDictionary<string, ECDsaSecurityKey> _loaded = new();
    private volatile KeySnapshot? _snapshot;

    private KeySnapshot Snapshot => _snapshot ?? throw new InvalidOperationException("Signing keys are not loaded yet.");

    /// <summary>Credentials of the active key: what new tokens are signed with.</summary>
    public SigningCredentials SigningCredentials => new(Snapshot.Active, SecurityAlgorithms.EcdsaSha256);

    /// <summary>Keys that still verify: the active one and recently retired ones (published in the JWKS).</summary>
    public IReadOnlyList<ECDsaSecurityKey> VerificationKeys => Snapshot.Verifying;

    /// <summary>The verification key with id <paramref name="kid"/>; none for an unknown or missing kid.</summary>
    public IEnumerable<SecurityKey> Resolve(string? kid) =>
        kid is null ? [] : Snapshot.Verifying.Where(key => key.KeyId == kid);

    /// <summary>Makes sure an active key exists (creating it once, whichever instance gets there first) and loads the keys.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await ChangeKeysAsync(retireActive: false, cancellationToken);
        await ReloadAsync(cancellationToken);
    }

    /// <summary>Retires the active key and creates a new one; the retired key keeps verifying for <see cref="TokenOptions.RetiredKeyRetention"/>.</summary>
    public async Task RotateAsync(CancellationToken cancellationToken)
    {
        await ChangeKeysAsync(retireActive: true, cancellationToken);
        await ReloadAsync(cancellationToken);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var retainedSince = clock.GetUtcNow() - options.Value.RetiredKeyRetention;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuthDbContext>();
        var rows = await db.SigningKeys.AsNoTracking()
            .Where(k => k.RetiredAt == null || k.RetiredAt > retainedSince)
            .OrderByDescending(k => k.CreatedAt)
            .ToListAsync(cancellationToken);

        var active = rows.SingleOrDefault(k => k.RetiredAt is null)
            ?? throw new InvalidOperationException("No active signing key in the database.");
        _snapshot = new KeySnapshot(ToSecurityKey(active), [.. rows.Select(ToSecurityKey)]);
    }

    private async Task ChangeKeysAsync(bool retireActive, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuthDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({KeyChangeLockId})", ct);

            var now = clock.GetUtcNow();
            var active = await db.SigningKeys.SingleOrDefaultAsync(k => k.RetiredAt == null, ct);
            if (active is not null && !retireActive)
            {
                return;
            }

            if (active is not null)
            {
                active.RetiredAt = now;
                await db.SaveChangesAsync(ct);
            }

            using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var created = new SigningKey
            {
                Kid = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
                PrivateKey = ecdsa.ExportPkcs8PrivateKey(),
                CreatedAt = now,
            };
            db.SigningKeys.Add(created);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            LogKeyCreated(created.Kid, active?.Kid);
        }, cancellationToken);
    }

    // Key rows never change their material, so one ECDsa per kid serves for the life of the process.
    private ECDsaSecurityKey ToSecurityKey(SigningKey row) => _loaded.GetOrAdd(row.Kid, static (kid, pkcs8) =>
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
        return new ECDsaSecurityKey(ecdsa) { KeyId = kid };
    }, row.PrivateKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created signing key {Kid} (retired {RetiredKid})")]
    private partial void LogKeyCreated(string kid, string? retiredKid);

    private sealed record KeySnapshot(ECDsaSecurityKey Active, IReadOnlyList<ECDsaSecurityKey> Verifying);
}
