using Chat.Gateway.Schema.Auth;
using Chat.Gateway.Schema.Notifications;
using Chat.Gateway.Schema.Presence;

namespace Chat.Gateway.Schema;

public sealed class MutationType : RootOperationType
{
    public MutationType()
    {
        Name = "Mutation";
        AddFieldsOf<AuthMutations>();
        AddFieldsOf<PresenceMutations>();
        AddFieldsOf<NotificationMutations>();
    }
}
