using Chat.Gateway.Schema.Auth;

namespace Chat.Gateway.Schema;

public sealed class MutationType : RootOperationType
{
    public MutationType()
    {
        Name = "Mutation";
        AddFieldsOf<AuthMutations>();
    }
}
