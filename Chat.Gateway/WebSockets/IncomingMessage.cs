using System.Text.Json;

namespace Chat.Gateway.WebSockets;

/// <summary>A client message: its type, the operation id where the type has one, and the raw payload.</summary>
public sealed record IncomingMessage(string Type, string? Id, JsonElement? Payload)
{
    /// <summary>
    /// Reads a text frame; null when it is not a JSON object with a string <c>type</c>, or a message of a known type
    /// lacks what the protocol requires (a <c>subscribe</c> needs an id and a payload object, ...).
    /// </summary>
    public static IncomingMessage? Parse(ReadOnlySpan<byte> utf8Json)
    {
        JsonElement root;
        try
        {
            root = JsonElement.Parse(utf8Json);
        }
        catch (JsonException)
        {
            return null;
        }

        if (root.ValueKind != JsonValueKind.Object ||
            !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        string? id = null;
        if (root.TryGetProperty("id", out var idElement))
        {
            if (idElement.ValueKind != JsonValueKind.String || idElement.GetString() is not { Length: > 0 } value)
            {
                return null;
            }
            id = value;
        }

        JsonElement? payload = root.TryGetProperty("payload", out var payloadElement) && payloadElement.ValueKind != JsonValueKind.Null
            ? payloadElement
            : null;
        var message = new IncomingMessage(type.GetString()!, id, payload);
        return message.IsWellFormed() ? message : null;
    }

    private bool IsWellFormed() => Type switch
    {
        MessageTypes.ConnectionInit or MessageTypes.Ping or MessageTypes.Pong =>
            Payload is null || Payload.Value.ValueKind == JsonValueKind.Object,
        MessageTypes.Subscribe => Id is not null && Payload is { ValueKind: JsonValueKind.Object } payload &&
            payload.TryGetProperty("query", out var query) && query.ValueKind == JsonValueKind.String,
        MessageTypes.Complete => Id is not null,
        _ => false,
    };
}
