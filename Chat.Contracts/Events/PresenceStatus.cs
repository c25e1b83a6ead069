using System.Runtime.Serialization;
using System.Text.Json.Serialization;

namespace Chat.Contracts.Events;

/// <summary>Upper-case on the wire. EnumMember is there for Newtonsoft.Json, which Confluent's JSON serdes use.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PresenceStatus>))]
public enum PresenceStatus
{
    [JsonStringEnumMemberName("ONLINE")] [EnumMember(Value = "ONLINE")] Online,
    [JsonStringEnumMemberName("AWAY")] [EnumMember(Value = "AWAY")] Away,
    [JsonStringEnumMemberName("BUSY")] [EnumMember(Value = "BUSY")] Busy,
    [JsonStringEnumMemberName("OFFLINE")] [EnumMember(Value = "OFFLINE")] Offline,
}
