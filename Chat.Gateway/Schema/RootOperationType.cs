using GraphQL.Types;

namespace Chat.Gateway.Schema;

/// <summary>
/// A root operation type assembled from type-first classes, one per domain area (auth, messaging, ...), so no
/// area has to touch another's file. Their fields are static methods and need no source object.
/// </summary>
public abstract class RootOperationType : ObjectGraphType
{
    protected void AddFieldsOf<TArea>()
    {
        foreach (var field in new AutoRegisteringObjectGraphType<TArea>().Fields)
        {
            AddField(field);
        }
    }
}
