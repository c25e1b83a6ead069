using Chat.Gateway.Schema.Auth;
using Chat.Gateway.Schema.Notifications;
using Chat.Gateway.Schema.Presence;
using Chat.Gateway.Schema.Messaging;

namespace Chat.Gateway.Schema;

public sealed class MutationType : RootOperationType
{
    public MutationType()
    {
        Name = "Mutation";
        AddFieldsOf<AuthMutations>();
        AddFieldsOf<PresenceMutations>();
        AddFieldsOf<MessagingMutations>();
        AddFieldsOf<NotificationMutations>();
    }
}
