using System.Text.Json.Nodes;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.EndToEnd.Features;

/// <summary>What the conversation-feature tests share: error checks and reading a user's notifications.</summary>
public static class FeatureTestKit
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static void AssertError(GraphQLResponse response, string code, string? field = null)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, response.Status);
        var error = Assert.Single(response.Errors)!;
        Assert.Equal(code, error["extensions"]!["code"]!.GetValue<string>());
        if (field is not null)
        {
            Assert.Equal(field, error["extensions"]!["field"]!.GetValue<string>());
        }
        Assert.DoesNotContain("Exception", error["message"]!.GetValue<string>());
    }

    /// <summary>The user's newest notifications (type and the message they are about).</summary>
    public static async Task<List<(string Type, string? MessageId, string Title)>> NotificationsAsync(ChatUser user)
    {
        var data = (await user.SendAsync("{ notifications(first: 100) { nodes { type title data { messageId } } } }")).EnsureNoErrors().Data!;
        return [.. data["notifications"]!["nodes"]!.AsArray().Select(n => (
            n!["type"]!.GetValue<string>(), n["data"]?["messageId"]?.GetValue<string>(), n["title"]!.GetValue<string>()))];
    }

    /// <summary>
    /// The notifications <paramref name="user"/> got for <paramref name="messageId"/>, once Notifications has handled a
    /// later message of the same conversation (<paramref name="markerId"/>, which the user is notified of): events
    /// of one conversation are handled in order, so nothing more can come for the earlier one.
    /// </summary>
    public static async Task<List<string>> NotificationTypesForAsync(ChatUser user, string messageId, string markerId)
    {
        var all = await Eventually.ReturnsAsync(() => NotificationsAsync(user), list => list.Any(n => n.MessageId == markerId), Patience,
            $"{user.Username}'s notification of the marker message");
        return [.. all.Where(n => n.MessageId == messageId).Select(n => n.Type)];
    }

    public static async Task<JsonNode> SendAsync(ChatUser sender, string conversationId, string content, string? replyToId = null)
    {
        var response = await TrySendAsync(sender, conversationId, content, replyToId);
        return response.EnsureNoErrors().Data!["sendMessage"]!;
    }

    public static Task<GraphQLResponse> TrySendAsync(ChatUser sender, string conversationId, string content, string? replyToId = null) =>
        sender.SendAsync(
            "mutation($input: SendMessageInput!) { sendMessage(input: $input) { id content replyToId mentionedUserIds mentions { id username } } }",
            new { input = new { conversationId, content, replyToId } });

    public static string Id(JsonNode node) => node["id"]!.GetValue<string>();
}
