using System.Text.Json;
using Chat.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chat.ServiceDefaults.Eventing.Outbox;

/// <summary>
/// Ships one batch: claim rows in a transaction, hand them to Kafka in id order, await every delivery report,
/// mark the delivered rows sent, commit. A crash before the commit leaves the rows unsent, so they are sent
/// again (at least once; consumers are idempotent on the event id), never lost.
/// </summary>
public sealed partial class OutboxBatchSender<TContext>(
    IServiceScopeFactory scopes, IntegrationEventProducer producer,
    TimeProvider time, ILogger<OutboxBatchSender<TContext>> logger) where TContext : DbContext
{
    private const int MaxErrorLength = 2_000;

    /// <summary>
    /// Returns how many rows were claimed (0 when the outbox is drained). Cancellation stops the wait for a claim;
    /// a claimed batch is always finished, since stopping half-way would only cause re-sends.
    /// </summary>
    public async Task<int> SendBatchAsync(int batchSize, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var strategy = context.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await context.Database.BeginTransactionAsync(ct);
            var rows = await OutboxClaim.ClaimAsync(context, batchSize, ct);
            var finish = CancellationToken.None; // claimed rows are finished even during shutdown
            if (rows.Count > 0)
            {
                var (sent, failed) = await SendAsync(rows, finish);
                var now = time.GetUtcNow();
                await context.Set<OutboxMessage>().Where(m => sent.Contains(m.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, now).SetProperty(m => m.Attempts, m => m.Attempts + 1), finish);
                foreach (var (id, error) in failed)
                {
                    await context.Set<OutboxMessage>().Where(m => m.Id == id)
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, error), finish);
                }
            }
            await transaction.CommitAsync(finish);
            return rows.Count;
        }, cancellationToken);
    }

    private async Task<(List<long> Sent, List<(long Id, string Error)> Failed)> SendAsync(List<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        var failed = new List<(long, string)>();
        var blockedKeys = new HashSet<(string, string)>();
        var prepared = new List<(OutboxMessage Row, PreparedEvent Event)>();
        foreach (var row in rows)
        {
            if (blockedKeys.Contains((row.Topic, row.Key)))
            {
                continue; // an earlier row of this key failed: sending later ones would break the key's order
            }
            try
            {
                prepared.Add((row, await producer.PrepareAsync(ToOutgoing(row), cancellationToken)));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPrepareFailed(exception, row.EventId, row.EventType, row.Topic);
                failed.Add((row.Id, Truncate(exception.Message)));
                blockedKeys.Add((row.Topic, row.Key));
            }
        }

        // Enqueued one after another in id order: the idempotent producer keeps that order within a partition.
        // Should one delivery fail while later rows of its key succeed, the failed row is sent again later, after
        // them: consumers see it late (and any duplicate is skipped by their inbox) rather than never.
        var deliveries = prepared.Select(p => (p.Row, Delivery: producer.SendAsync(p.Event, CancellationToken.None))).ToList();
        var sent = new List<long>(deliveries.Count);
        foreach (var (row, delivery) in deliveries)
        {
            try
            {
                await delivery;
                sent.Add(row.Id);
            }
            catch (Exception exception)
            {
                LogDeliveryFailed(exception, row.EventId, row.Topic);
                failed.Add((row.Id, Truncate(exception.Message)));
            }
        }
        return (sent, failed);
    }

    private static OutgoingEvent ToOutgoing(OutboxMessage row)
    {
        var descriptor = EventCatalog.ForTopic(row.Topic);
        if (descriptor.EventType.Name != row.EventType)
        {
            throw new InvalidOperationException(
                $"Outbox row {row.Id} holds a '{row.EventType}' but topic '{row.Topic}' carries '{descriptor.EventType.Name}'");
        }
        var traceContext = JsonSerializer.Deserialize<Dictionary<string, string>>(row.Headers) ?? [];
        return new OutgoingEvent(descriptor, row.EventId, row.Key, row.Payload, traceContext);
    }

    private static string Truncate(string message) => message.Length <= MaxErrorLength ? message : message[..MaxErrorLength];

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox event {EventId} ({EventType}) for {Topic} cannot be prepared; its key waits")]
    private partial void LogPrepareFailed(Exception exception, Guid eventId, string eventType, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox event {EventId} was not acknowledged by Kafka on {Topic}; it will be sent again")]
    private partial void LogDeliveryFailed(Exception exception, Guid eventId, string topic);
}
