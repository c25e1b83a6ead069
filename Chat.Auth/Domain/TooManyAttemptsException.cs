namespace Chat.Auth.Domain;

/// <summary>A rate limit refused the attempt; <see cref="RetryAfter"/> says when to try again, if known.</summary>
public sealed class TooManyAttemptsException(TimeSpan? retryAfter) : Exception("Too many attempts. Try again later.")
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
