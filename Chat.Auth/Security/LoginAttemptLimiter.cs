using System.Threading.RateLimiting;
using Chat.Auth.Configuration;
using Chat.Auth.Domain;
using Microsoft.Extensions.Options;

namespace Chat.Auth.Security;

/// <summary>
/// Per-account login limit, partitioned by normalized email. The per-IP limit is a rate limiter policy on the
/// endpoint; this one needs the email from the body, which only the handler has read.
/// </summary>
public sealed class LoginAttemptLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public LoginAttemptLimiter(IOptions<LoginRateLimitOptions> options)
    {
        var settings = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetFixedWindowLimiter(
            account,
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.PerAccountPermitLimit,
                Window = settings.PerAccountWindow,
                QueueLimit = 0,
            }));
    }

    /// <summary>Takes one attempt for <paramref name="normalizedEmail"/>, or throws <see cref="TooManyAttemptsException"/>.</summary>
    public async Task AcquireAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(normalizedEmail, 1, cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new TooManyAttemptsException(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null);
        }
    }

    public void Dispose() => _limiter.Dispose();
}
