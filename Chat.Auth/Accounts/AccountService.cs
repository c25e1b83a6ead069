using Chat.Auth.Data;
using Chat.Auth.Domain;
using Chat.Auth.Endpoints.Contracts;
using Chat.Auth.Security;
using Chat.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Chat.Auth.Accounts;

/// <summary>Registration, login, refresh and logout: every way to get or give up a session.</summary>
public sealed class AccountService(
    AuthDbContext db,
    PasswordHasher hasher,
    RefreshTokenStore refreshTokens,
    AccessTokenIssuer accessTokens,
    LoginAttemptLimiter loginAttempts,
    TimeProvider clock)
{
    /// <summary>Input is validated by the endpoint.</summary>
    public async Task<AuthResult> RegisterAsync(string email, string username, string password, CancellationToken cancellationToken)
    {
        var normalizedEmail = CredentialRules.NormalizeEmail(email);
        var normalizedUsername = CredentialRules.NormalizeUsername(username);
        // Checked up front for a cheap, precise answer; the unique indexes settle races below.
        if (await db.Users.AnyAsync(u => u.Email == normalizedEmail, cancellationToken))
        {
            throw new DuplicateAccountException("email");
        }

        if (await db.Users.AnyAsync(u => u.NormalizedUsername == normalizedUsername, cancellationToken))
        {
            throw new DuplicateAccountException("username");
        }

        var user = User.Create(email, username, await hasher.HashAsync(password, cancellationToken), clock.GetUtcNow());
        db.Users.Add(user);
        var refresh = refreshTokens.Add(user.Id, familyId: Guid.CreateVersion7());
        // The event commits with the user in this one SaveChanges (transactional outbox): no user without its event.
        db.AddIntegrationEvent(new UserRegistered(user.Id, user.Username, user.CreatedAt));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            throw new DuplicateAccountException(unique.ConstraintName == AuthDbContext.UniqueUsernameIndex ? "username" : "email");
        }

        return Result(user, refresh);
    }

    public async Task<AuthResult> LoginAsync(string email, string password, CancellationToken cancellationToken)
    {
        var normalizedEmail = CredentialRules.NormalizeEmail(email);
        await loginAttempts.AcquireAsync(normalizedEmail, cancellationToken);

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == normalizedEmail, cancellationToken);
        // bcrypt would compare only the first 72 bytes; a longer password can never be the registered one.
        var fits = CredentialRules.FitsBcrypt(password);
        // An unknown email is verified against a dummy hash: the same answer after the same work.
        var verified = await hasher.VerifyAsync(fits ? password : "", user?.PasswordHash, cancellationToken);
        if (user is null || !verified || !fits)
        {
            throw new InvalidCredentialsException();
        }

        var refresh = refreshTokens.Add(user.Id, familyId: Guid.CreateVersion7());
        await db.SaveChangesAsync(cancellationToken);
        return Result(user, refresh);
    }

    public async Task<AuthResult> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var next = await refreshTokens.RotateAsync(refreshToken, cancellationToken);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == next.Row.UserId, cancellationToken)
            ?? throw new InvalidRefreshTokenException();
        return Result(user, next);
    }

    /// <summary>Revokes the family of <paramref name="refreshToken"/> if it belongs to <paramref name="userId"/>; otherwise does nothing.</summary>
    public async Task LogoutAsync(Guid userId, string refreshToken, CancellationToken cancellationToken)
    {
        // Someone else's or an unknown token is ignored alike, so logout cannot probe which tokens exist.
        if (await refreshTokens.FindAsync(refreshToken, cancellationToken) is { } token && token.UserId == userId)
        {
            await refreshTokens.RevokeFamilyAsync(token.FamilyId, cancellationToken);
        }
    }

    public Task<User?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);

    public Task<List<UserSummary>> LookupAsync(
        IReadOnlyCollection<Guid> ids, IReadOnlyCollection<string> usernames, CancellationToken cancellationToken)
    {
        var normalized = usernames.Select(CredentialRules.NormalizeUsername).Distinct().ToList();
        return db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) || normalized.Contains(u.NormalizedUsername))
            .Select(u => new UserSummary(u.Id, u.Username))
            .ToListAsync(cancellationToken);
    }

    private AuthResult Result(User user, IssuedRefreshToken refresh)
    {
        var access = accessTokens.Issue(user);
        return new AuthResult(UserDto.From(user), access.Token, refresh.Value, access.ExpiresAt, refresh.Row.ExpiresAt);
    }
}
