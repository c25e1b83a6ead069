using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>What every service adds to Aspire's <c>AddRedisClient</c>.</summary>
public static class RedisExtensions
{
    /// <summary>
    /// Pass as <c>configureOptions</c> of <c>AddRedisClient</c>:
    /// <list type="bullet">
    /// <item>short timeouts, so a Redis outage fails calls in seconds instead of hanging requests. Aspire's client
    /// never aborts on a failed connect and reconnects by itself, so a Redis restart heals without a service
    /// restart;</item>
    /// <item>socket I/O completes on the .NET thread pool instead of the client's own dedicated threads: those spin
    /// while they wait for work, and on a two-core machine under load the spinning and the extra context switches
    /// were a third of the Notifications service's CPU (<c>dotnet-trace collect-linux</c>).</item>
    /// </list>
    /// </summary>
    public static void UseChatDefaults(this ConfigurationOptions options)
    {
        options.ConnectTimeout = 2_000;
        options.SyncTimeout = 2_000;
        options.AsyncTimeout = 2_000;
        options.SocketManager = SocketManager.ThreadPool;
    }
}
