using System.Text.Json.Serialization;

namespace Chat.Contracts.Events;

[JsonConverter(typeof(JsonStringEnumConverter<ConversationChangeKind>))]
public enum ConversationChangeKind
{
    Created,
    MemberAdded,
    MemberRemoved,
    MemberLeft,
}
