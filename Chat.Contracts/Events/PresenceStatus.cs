using System.Text.Json.Serialization;

namespace Chat.Contracts.Events;

[JsonConverter(typeof(JsonStringEnumConverter<PresenceStatus>))]
public enum PresenceStatus
{
    [JsonStringEnumMemberName("ONLINE")] Online,
    [JsonStringEnumMemberName("AWAY")] Away,
    [JsonStringEnumMemberName("BUSY")] Busy,
    [JsonStringEnumMemberName("OFFLINE")] Offline,
}
