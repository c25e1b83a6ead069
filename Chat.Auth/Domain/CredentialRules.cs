using System.Net.Mail;
using System.Text;
using System.Text.RegularExpressions;

namespace Chat.Auth.Domain;

/// <summary>What a valid email, username and password look like, and how they are compared.</summary>
public static partial class CredentialRules
{
    public const int MaxEmailLength = 254;
    public const int MinPasswordBytes = 8;

    /// <summary>bcrypt reads at most 72 bytes: longer passwords are refused rather than silently truncated.</summary>
    public const int MaxPasswordBytes = 72;

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public static string NormalizeUsername(string username) => username.Trim().ToLowerInvariant();

    public static string? EmailError(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return "Email is required.";
        }

        var trimmed = email.Trim();
        if (trimmed.Length > MaxEmailLength)
        {
            return $"Email must be at most {MaxEmailLength} characters.";
        }

        // MailAddress also accepts "Name <a@b>"; only a bare address whose domain has a dot is an email here.
        return MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed
            && address.Host.Contains('.') && !trimmed.Any(char.IsWhiteSpace)
            ? null
            : "Email is not a valid address.";
    }

    public static string? UsernameError(string? username) => username is not null && UsernamePattern().IsMatch(username)
        ? null
        : "Username must be 3 to 32 characters of letters, digits, '_', '.' or '-'.";

    public static string? PasswordError(string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return "Password is required.";
        }

        var bytes = Encoding.UTF8.GetByteCount(password);
        return bytes is < MinPasswordBytes or > MaxPasswordBytes
            ? $"Password must be {MinPasswordBytes} to {MaxPasswordBytes} bytes long in UTF-8 (it is {bytes})."
            : null;
    }

    public static bool FitsBcrypt(string password) => Encoding.UTF8.GetByteCount(password) <= MaxPasswordBytes;

    [GeneratedRegex("^[a-zA-Z0-9_.-]{3,32}$")]
    private static partial Regex UsernamePattern();
}
