using Chat.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.ServiceDefaults.Eventing.Consumers;

/// <summary>
/// Runs handlers in a fresh DI scope, inside one inbox transaction when the group has an inbox. A batch of events
/// shares that scope and transaction: each event is recorded in the inbox, handled and saved in turn (so a handler
/// reads what the events before it wrote, as it would have after their commits), and one commit ends them all —
/// one WAL flush and one round of after-commit work (e.g. Redis pushes) for the batch instead of one per event.
/// </summary>
public sealed class EventDispatcher(IServiceScopeFactory scopes, EventConsumerDefinition definition)
{
    /// <summary>False when the event had already been processed by this consumer group (nothing was done).</summary>
    public async Task<bool> DispatchAsync(
        EventHandlerRegistration registration, IntegrationEvent @event, EventContext context, CancellationToken cancellationToken) =>
        (await DispatchAsync([DispatchedEvent.WithoutSpan(registration, @event, context)], cancellationToken))[0];

    /// <summary>
    /// Per event, false when it had already been processed by this consumer group. All or nothing: when any
    /// handler fails, the whole batch rolls back and the exception propagates.
    /// </summary>
    public async Task<bool[]> DispatchAsync(IReadOnlyList<DispatchedEvent> events, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var handled = new bool[events.Count];
        if (definition.InboxContext is null)
        {
            for (var i = 0; i < events.Count; i++)
            {
                using var activity = events[i].StartActivity();
                await events[i].Registration.Invoke(scope.ServiceProvider, events[i].Event, events[i].Context, cancellationToken);
                handled[i] = true;
            }
            return handled;
        }

        var database = (DbContext)scope.ServiceProvider.GetRequiredService(definition.InboxContext);
        // A failed SaveChanges fails the whole unit here (the strategy retries it from the start), so EF's savepoint
        // around SaveChanges would only cost two more round trips per event.
        database.Database.AutoSavepointsEnabled = false;
        var strategy = database.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            database.ChangeTracker.Clear(); // a retried attempt starts from a clean unit of work
            Array.Clear(handled);
            await using var transaction = await database.Database.BeginTransactionAsync(token);
            for (var i = 0; i < events.Count; i++)
            {
                var (registration, @event, context, startActivity) = events[i];
                using var activity = startActivity();
                if (!await InboxRecorder.TryRecordAsync(database, @event.EventId, definition.GroupId, token))
                {
                    continue;
                }
                await registration.Invoke(scope.ServiceProvider, @event, context, token);
                await database.SaveChangesAsync(token);
                // What is saved is read back by query; kept tracked, every later SaveChanges of the batch would
                // compare it again (change detection walks all tracked entities): quadratic in the batch.
                database.ChangeTracker.Clear();
                handled[i] = true;
            }
            await transaction.CommitAsync(token);
            return handled;
        }, cancellationToken);
    }
}
