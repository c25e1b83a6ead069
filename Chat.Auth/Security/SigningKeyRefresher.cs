using Chat.Auth.Configuration;
using Microsoft.Extensions.Options;

namespace Chat.Auth.Security;

/// <summary>
/// Loads the signing keys before the service takes requests (it is registered after the database migrator,
/// and hosted services start in order), then re-reads them periodically to pick up other instances' rotations.
/// </summary>
public sealed partial class SigningKeyRefresher(
    SigningKeyRing ring, TimeProvider clock, IOptions<TokenOptions> options, ILogger<SigningKeyRefresher> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await ring.InitializeAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.KeyRefreshInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ring.ReloadAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The previous snapshot keeps serving; a database hiccup must not stop token validation.
                LogReloadFailed(exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reloading signing keys failed; keeping the loaded ones")]
    private partial void LogReloadFailed(Exception exception);
}
