using System.Text.Json.Serialization;

namespace Chat.Messaging.Endpoints.Contracts;

[JsonConverter(typeof(JsonStringEnumConverter<MessageChangeKind>))]
public enum MessageChangeKind
{
    Edited,
    Deleted,
    Read,
    Reacted,
}
