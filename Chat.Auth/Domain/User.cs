namespace Chat.Auth.Domain;

/// <summary>An account. Email is stored lower-cased; the username keeps its spelling, its lower-cased twin is unique.</summary>
public sealed class User
{
    public Guid Id { get; private set; }
    public string Email { get; private set; } = "";
    public string Username { get; private set; } = "";
    public string NormalizedUsername { get; private set; } = "";
    public string PasswordHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static User Create(string email, string username, string passwordHash, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Email = CredentialRules.NormalizeEmail(email),
        Username = username.Trim(),
        NormalizedUsername = CredentialRules.NormalizeUsername(username),
        PasswordHash = passwordHash,
        CreatedAt = now,
        UpdatedAt = now,
    };
}
