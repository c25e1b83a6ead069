using Chat.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Chat.ServiceDefaults.Eventing.Consumers;

/// <summary>Declares what a consumer group handles: <c>.UseInbox&lt;Db&gt;().Handle&lt;MessageCreated, Handler&gt;()</c>.</summary>
public sealed class EventConsumerBuilder(IServiceCollection services, EventConsumerDefinition definition)
{
    /// <summary>Record handled event ids in <typeparamref name="TContext"/>'s inbox, in the handler's transaction.</summary>
    public EventConsumerBuilder UseInbox<TContext>() where TContext : DbContext
    {
        definition.InboxContext = typeof(TContext);
        return this;
    }

    public EventConsumerBuilder Handle<TEvent, THandler>()
        where TEvent : IntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        var descriptor = EventCatalog.For<TEvent>();
        if (definition.HandlersByTopic.ContainsKey(descriptor.Topic))
        {
            throw new InvalidOperationException(
                $"Consumer group '{definition.GroupId}' already handles topic '{descriptor.Topic}'; one handler per topic and group.");
        }
        services.TryAddScoped<THandler>();
        definition.HandlersByTopic[descriptor.Topic] = new EventHandlerRegistration(descriptor,
            (provider, @event, context, cancellationToken) =>
                provider.GetRequiredService<THandler>().HandleAsync((TEvent)@event, context, cancellationToken));
        return this;
    }
}
