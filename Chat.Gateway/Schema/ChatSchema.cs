namespace Chat.Gateway.Schema;

/// <summary>The gateway's GraphQL schema; object and input types are mapped from their CLR classes.</summary>
public sealed class ChatSchema : GraphQL.Types.Schema
{
    public ChatSchema(IServiceProvider services, QueryType query, MutationType mutation, SubscriptionType subscription)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
    }
}
