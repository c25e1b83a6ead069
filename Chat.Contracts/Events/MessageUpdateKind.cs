using System.Text.Json.Serialization;

namespace Chat.Contracts.Events;

[JsonConverter(typeof(JsonStringEnumConverter<MessageUpdateKind>))]
public enum MessageUpdateKind
{
    Edited,
    Read,
}
