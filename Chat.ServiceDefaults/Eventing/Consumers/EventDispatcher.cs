using Chat.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.ServiceDefaults.Eventing.Consumers;

/// <summary>Runs a handler in a fresh DI scope, inside an inbox transaction when the group has one.</summary>
public sealed class EventDispatcher(IServiceScopeFactory scopes, EventConsumerDefinition definition)
{
    /// <summary>False when the event had already been processed by this consumer group (nothing was done).</summary>
    public async Task<bool> DispatchAsync(
        EventHandlerRegistration registration, IntegrationEvent @event, EventContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (definition.InboxContext is null)
        {
            await registration.Invoke(scope.ServiceProvider, @event, context, cancellationToken);
            return true;
        }

        var database = (DbContext)scope.ServiceProvider.GetRequiredService(definition.InboxContext);
        // A failed SaveChanges fails the whole unit here (the strategy retries it from the start), so EF's savepoint
        // around SaveChanges would only cost two more round trips per event.
        database.Database.AutoSavepointsEnabled = false;
        var strategy = database.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            database.ChangeTracker.Clear(); // a retried attempt starts from a clean unit of work
            await using var transaction = await database.Database.BeginTransactionAsync(token);
            if (!await InboxRecorder.TryRecordAsync(database, @event.EventId, definition.GroupId, token))
            {
                await transaction.RollbackAsync(token);
                return false;
            }
            await registration.Invoke(scope.ServiceProvider, @event, context, token);
            await database.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            return true;
        }, cancellationToken);
    }
}
