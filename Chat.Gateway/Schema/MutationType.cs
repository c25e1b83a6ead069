using Chat.Gateway.Schema.Auth;
using Chat.Gateway.Schema.Notifications;

namespace Chat.Gateway.Schema;

public sealed class MutationType : RootOperationType
{
    public MutationType()
    {
        Name = "Mutation";
        AddFieldsOf<AuthMutations>();
        AddFieldsOf<NotificationMutations>();
    }
}
