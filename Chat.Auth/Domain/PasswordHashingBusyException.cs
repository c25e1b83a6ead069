namespace Chat.Auth.Domain;

/// <summary>Every bcrypt slot stayed busy for the whole queue timeout: the service is overloaded.</summary>
public sealed class PasswordHashingBusyException(TimeSpan retryAfter) : Exception("The service is busy. Try again shortly.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
