using System.Diagnostics;
using System.Text.Json;
using Chat.ServiceDefaults.Eventing;
using Chat.Notifications.Domain;

namespace Chat.Notifications.Delivery;

/// <summary>
/// A notification as clients see it, in one shape everywhere: REST responses, the Redis list
/// <c>notifications:{userId}</c> and messages on the Redis channel <c>notifications:{userId}</c> (camelCase JSON:
/// <c>{id, userId, type, title, message, data, read, createdAt, seq}</c>, <c>data</c> a JSON object; <c>seq</c> is
/// the notification's place among the user's, 0 in lists cached before it existed).
/// </summary>
public sealed record NotificationView(
    Guid Id, Guid UserId, string Type, string Title, string Message, JsonElement Data, bool Read, DateTimeOffset CreatedAt, long Seq = 0)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static NotificationView From(Notification notification)
    {
        using var data = JsonDocument.Parse(notification.Data);
        return new NotificationView(notification.Id, notification.UserId, notification.Type, notification.Title,
            notification.Message, data.RootElement.Clone(), notification.Read, notification.CreatedAt, notification.Seq);
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>
    /// The message on the Redis channel: the same JSON plus the W3C <c>traceparent</c> (and <c>tracestate</c>) of
    /// the publishing span, which subscribers may use to continue the trace and otherwise ignore.
    /// </summary>
    public string ToChannelJson(Activity? publishing)
    {
        var json = JsonSerializer.SerializeToNode(this, JsonOptions)!.AsObject();
        foreach (var (name, value) in KafkaTraceContext.Capture(publishing))
        {
            json[name] = value;
        }
        return json.ToJsonString();
    }

    public static NotificationView FromJson(string json) =>
        JsonSerializer.Deserialize<NotificationView>(json, JsonOptions)
        ?? throw new JsonException("A cached notification is JSON null.");
}
