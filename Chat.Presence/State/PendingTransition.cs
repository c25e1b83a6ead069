using System.Globalization;
using System.Text.Json;
using Chat.Presence.Domain;

namespace Chat.Presence.State;

/// <summary>Reads the JSON the scripts park in <c>presence:pending</c> (times as Unix-ms strings).</summary>
public static class PendingTransition
{
    public static PresenceTransition Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new PresenceTransition(
            Guid.Parse(root.GetProperty("id").GetString()!),
            Guid.Parse(root.GetProperty("userId").GetString()!),
            PresenceWire.FromWire(root.GetProperty("status").GetString()!),
            root.TryGetProperty("previousStatus", out var previous) && previous.ValueKind == JsonValueKind.String
                ? PresenceWire.FromWire(previous.GetString()!)
                : null,
            FromMillis(root.GetProperty("lastSeenAt")),
            FromMillis(root.GetProperty("occurredAt")));
    }

    private static DateTimeOffset FromMillis(JsonElement value) => DateTimeOffset.FromUnixTimeMilliseconds(
        (long)double.Parse(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText(), CultureInfo.InvariantCulture));
}
