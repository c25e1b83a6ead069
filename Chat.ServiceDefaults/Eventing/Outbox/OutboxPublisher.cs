using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat.ServiceDefaults.Eventing.Outbox;

/// <summary>
/// Ships the outbox of <typeparamref name="TContext"/> to Kafka: at start (rows left by a crash), whenever this
/// process saved new rows (<see cref="OutboxSignal{TContext}"/>) and every poll interval (rows of other instances).
/// Any number of instances may run against one table; <see cref="OutboxClaim"/> keeps them from double-sending.
/// </summary>
public sealed partial class OutboxPublisher<TContext>(
    OutboxBatchSender<TContext> sender, OutboxSignal<TContext> signal, OutboxBacklog<TContext> backlog,
    IOptions<OutboxOptions> options, ILogger<OutboxPublisher<TContext>> logger) : BackgroundService where TContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var metrics = backlog.Register();
        LogStarted(typeof(TContext).Name);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await sender.SendBatchAsync(settings.BatchSize, stoppingToken);
                await backlog.RefreshAsync(stoppingToken); // throttled to once a second, also under sustained load
                if (claimed < settings.BatchSize)
                {
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                LogBatchFailed(exception, typeof(TContext).Name, settings.RetryDelay);
                try
                {
                    await Task.Delay(settings.RetryDelay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox publisher of {Context} started")]
    private partial void LogStarted(string context);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox batch of {Context} failed; retrying in {RetryDelay}")]
    private partial void LogBatchFailed(Exception exception, string context, TimeSpan retryDelay);
}
