using Chat.Auth.Configuration;
using Chat.Auth.Domain;
using Chat.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Chat.Auth.Security;

/// <summary>
/// bcrypt with bounded concurrency. Each hash burns ~50-100 ms of CPU, so a login storm must neither run
/// unbounded hashes in parallel nor occupy the thread pool that serves every other endpoint: at most
/// <see cref="PasswordHashingOptions.EffectiveConcurrency"/> hashes run at once, each on a dedicated thread,
/// and waiters wait asynchronously (holding no thread) until a slot frees or the wait the call budget allows a
/// service (<see cref="CallBudgetOptions.ServiceWaitLimit"/>) has passed — then the answer is 503 with Retry-After
/// while the gateway still waits for it, rather than a hash nobody waits for any more.
/// </summary>
public sealed class PasswordHasher : IDisposable
{
    private static readonly TimeSpan BusyRetryAfter = TimeSpan.FromSeconds(1);

    private readonly PasswordHashingOptions _options;
    private readonly TimeSpan _queueTimeout;
    private readonly SemaphoreSlim _slots;
    private readonly Lazy<string> _dummyHash;

    public PasswordHasher(IOptions<PasswordHashingOptions> options, IOptions<CallBudgetOptions> budget)
    {
        _options = options.Value;
        _queueTimeout = budget.Value.ServiceWaitLimit;
        _slots = new SemaphoreSlim(_options.EffectiveConcurrency, _options.EffectiveConcurrency);
        // Verified against when the email is unknown, so that answer costs as much time as a wrong password.
        _dummyHash = new Lazy<string>(() => BCrypt.Net.BCrypt.HashPassword(Guid.NewGuid().ToString(), _options.WorkFactor));
    }

    public Task<string> HashAsync(string password, CancellationToken cancellationToken) =>
        RunBoundedAsync(() => BCrypt.Net.BCrypt.HashPassword(password, _options.WorkFactor), cancellationToken);

    /// <summary>Checks <paramref name="password"/> against <paramref name="hash"/>, or against a dummy hash when null.</summary>
    public Task<bool> VerifyAsync(string password, string? hash, CancellationToken cancellationToken) =>
        RunBoundedAsync(() => BCrypt.Net.BCrypt.Verify(password, hash ?? _dummyHash.Value), cancellationToken);

    private async Task<T> RunBoundedAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        if (!await _slots.WaitAsync(_queueTimeout, cancellationToken))
        {
            throw new PasswordHashingBusyException(BusyRetryAfter);
        }

        try
        {
            // LongRunning gives the hash its own thread instead of a thread-pool worker.
            return await Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
