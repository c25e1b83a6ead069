using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chat.Notifications.Delivery;

namespace Chat.Tests.Notifications;

public sealed class NotificationViewTests
{
    private static readonly NotificationView View = new(Guid.NewGuid(), Guid.NewGuid(), "NEW_MESSAGE", "New message", "hi",
        JsonDocument.Parse("""{"messageId":"01a20d4a-18d5-7e1b-a553-8a86b30c7de2"}""").RootElement, false, DateTimeOffset.UnixEpoch);

    [Fact]
    public void ToChannelJson_OfATracedPublication_AddsItsW3CTraceParentToTheNotification()
    {
        using var publishing = new Activity("push").SetIdFormat(ActivityIdFormat.W3C).Start();
        publishing.ActivityTraceFlags = ActivityTraceFlags.Recorded;

        using var json = JsonDocument.Parse(View.ToChannelJson(publishing));

        Assert.Equal(publishing.Id, json.RootElement.GetProperty("traceparent").GetString());
        Assert.Equal(View, NotificationView.FromJson(json.RootElement.GetRawText()) with { Data = View.Data });
        Assert.Equal("hi", json.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public void ToChannelJson_WithoutAnActivity_IsTheNotificationAlone() =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(View.ToJson()), JsonNode.Parse(View.ToChannelJson(null))));
}
