using Chat.Gateway.Schema.Subscriptions;

namespace Chat.Gateway.Schema;

public sealed class SubscriptionType : RootOperationType
{
    public SubscriptionType()
    {
        Name = "Subscription";
        AddFieldsOf<RealtimeSubscriptions>();
    }
}
