using System.Text;
using System.Text.Json;

namespace Chat.Gateway.WebSockets;

/// <summary>Serialized server messages; a payload that is already JSON (an execution result) is embedded as is.</summary>
public static class OutgoingMessage
{
    public static byte[] Create(string type, string? id = null, string? payloadJson = null)
    {
        using var buffer = new MemoryStream(64 + (payloadJson?.Length ?? 0));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (id is not null)
            {
                writer.WriteString("id", id);
            }
            writer.WriteString("type", type);
            if (payloadJson is not null)
            {
                writer.WritePropertyName("payload");
                writer.WriteRawValue(Encoding.UTF8.GetBytes(payloadJson), skipInputValidation: true);
            }
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
