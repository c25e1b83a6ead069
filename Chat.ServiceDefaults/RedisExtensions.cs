using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>What every service adds to Aspire's <c>AddRedisClient</c>.</summary>
public static class RedisExtensions
{
    /// <summary>
    /// Pass as <c>configureOptions</c> of <c>AddRedisClient</c>: short timeouts, so a Redis outage fails calls in
    /// seconds instead of hanging requests. Aspire's client never aborts on a failed connect and reconnects by itself,
    /// so a Redis restart heals without a service restart.
    /// </summary>
    public static void UseChatTimeouts(this ConfigurationOptions options)
    {
        options.ConnectTimeout = 2_000;
        options.SyncTimeout = 2_000;
        options.AsyncTimeout = 2_000;
    }
}
