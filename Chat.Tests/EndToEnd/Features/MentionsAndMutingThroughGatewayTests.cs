using Chat.Tests.Infrastructure;
using static Chat.Tests.EndToEnd.Features.FeatureTestKit;

namespace Chat.Tests.EndToEnd.Features;

/// <summary>@mentions and muting through the gateway, down to the notifications each message makes.</summary>
[Collection(DistributedAppCollection.Name)]
public sealed class MentionsAndMutingThroughGatewayTests(DistributedAppFixture fixture) : IDisposable
{
    private const string Mute = "mutation($id: ID!, $until: DateTimeOffset) { muteConversation(conversationId: $id, until: $until) { isMuted mutedUntil unreadCount } }";
    private const string Unmute = "mutation($id: ID!) { unmuteConversation(conversationId: $id) { isMuted mutedUntil } }";
    private readonly GraphQLClient _client = new(fixture.GatewayUrl);

    [Fact]
    public async Task AMention_ResolvesToTheMember_AndNotifiesThemAsAMention_OthersAsANewMessage()
    {
        var (alice, bob, carol) = (await Register("alice"), await Register("bob"), await Register("carol"));
        var conversationId = Id(await alice.CreateConversationAsync([bob, carol]));

        var sent = await SendAsync(alice, conversationId, $"@{bob.Username.ToUpperInvariant()}, can you mail x@example.com? @nobody_here");
        var markerId = Id(await SendAsync(alice, conversationId, "marker"));

        Assert.Equal([bob.Id.ToString()], sent["mentionedUserIds"]!.AsArray().Select(id => id!.GetValue<string>()));
        Assert.Equal(bob.Username, sent["mentions"]![0]!["username"]!.GetValue<string>());
        Assert.Equal(["MENTION"], await NotificationTypesForAsync(bob, Id(sent), markerId));
        Assert.Equal(["NEW_MESSAGE"], await NotificationTypesForAsync(carol, Id(sent), markerId));
        Assert.Contains(await NotificationsAsync(bob), n => n.MessageId == Id(sent) && n.Title == $"{alice.Username} mentioned you");
    }

    [Fact]
    public async Task AReplyWithAMention_ArrivesLiveOnMessageAdded_WithItsThreadAndMentions()
    {
        var (alice, bob) = (await Register("alice"), await Register("bob"));
        var conversationId = Id(await alice.CreateConversationAsync([bob]));
        var rootId = Id(await SendAsync(alice, conversationId, "root"));
        await using var bobs = await Subscriptions.GraphQLWsNodeSubscription.StartAsync(fixture.GatewayUrl, bob.AccessToken,
            "subscription($c: ID) { messageAdded(conversationId: $c) { messageId replyToId mentionedUserIds content } }", variables: new { c = conversationId });

        // Live once a message reaches it; the reply is sent until one does (each is a new message, all in the thread).
        var live = await Eventually.ReturnsAsync(async () =>
        {
            var replyId = Id(await SendAsync(alice, conversationId, $"@{bob.Username} in thread", rootId));
            return await bobs.TryNextDataAsync("messageAdded", m => m["messageId"]!.GetValue<string>() == replyId, TimeSpan.FromSeconds(2));
        }, got => got is not null, Patience, "a live reply");

        Assert.Equal(rootId, live!["replyToId"]!.GetValue<string>());
        Assert.Equal([bob.Id.ToString()], live["mentionedUserIds"]!.AsArray().Select(id => id!.GetValue<string>()));
    }

    [Fact]
    public async Task MentioningSomeoneWhoIsNotAMember_IsRefused()
    {
        var (alice, bob, outsider) = (await Register("alice"), await Register("bob"), await Register("outsider"));
        var conversationId = Id(await alice.CreateConversationAsync([bob]));

        AssertError(await TrySendAsync(alice, conversationId, $"hey @{outsider.Username}"), "BAD_USER_INPUT", "content");
        Assert.Empty((await alice.MessagesAsync(conversationId))["edges"]!.AsArray());
    }

    [Fact]
    public async Task AMutedConversation_MakesNoNewMessageNotifications_KeepsUnreadCounts_ButMentionsStillReach()
    {
        var (alice, bob) = (await Register("alice"), await Register("bob"));
        var conversationId = Id(await alice.CreateConversationAsync([bob, await Register("carol")]));

        var muted = (await bob.SendAsync(Mute, new { id = conversationId })).EnsureNoErrors().Data!["muteConversation"]!;
        Assert.True(muted["isMuted"]!.GetValue<bool>());
        Assert.Null(muted["mutedUntil"]);
        var quiet = Id(await SendAsync(alice, conversationId, "lunch is here"));
        var mention = Id(await SendAsync(alice, conversationId, $"@{bob.Username} yours too"));
        var unmuted = (await bob.SendAsync(Unmute, new { id = conversationId })).EnsureNoErrors().Data!["unmuteConversation"]!;
        var loud = Id(await SendAsync(alice, conversationId, "anyone?"));

        Assert.False(unmuted["isMuted"]!.GetValue<bool>());
        Assert.Equal(["NEW_MESSAGE"], await NotificationTypesForAsync(bob, loud, loud));
        var bobs = await NotificationsAsync(bob);
        Assert.DoesNotContain(bobs, n => n.MessageId == quiet);
        Assert.Equal(["MENTION"], bobs.Where(n => n.MessageId == mention).Select(n => n.Type));
        Assert.Equal(3, (await bob.ConversationAsync(conversationId))["unreadCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task AMuteUntilATime_ShowsWhenItEnds_AndBadMutesAreRefused()
    {
        var (alice, bob, mallory) = (await Register("alice"), await Register("bob"), await Register("mallory"));
        var conversationId = Id(await alice.CreateConversationAsync([bob]));
        var until = DateTimeOffset.UtcNow.AddHours(8);

        var muted = (await bob.SendAsync(Mute, new { id = conversationId, until })).EnsureNoErrors().Data!["muteConversation"]!;

        Assert.True(muted["isMuted"]!.GetValue<bool>());
        Assert.Equal(until.ToUnixTimeSeconds(), DateTimeOffset.Parse(muted["mutedUntil"]!.GetValue<string>()).ToUnixTimeSeconds());
        AssertError(await bob.SendAsync(Mute, new { id = conversationId, until = DateTimeOffset.UtcNow.AddMinutes(-1) }), "BAD_USER_INPUT", "until");
        AssertError(await mallory.SendAsync(Mute, new { id = conversationId }), "NOT_FOUND");
        AssertError(await mallory.SendAsync(Unmute, new { id = conversationId }), "NOT_FOUND");
        Assert.False((await alice.ConversationAsync(conversationId))["isMuted"] is { } aliceMuted && aliceMuted.GetValue<bool>());
    }

    private Task<ChatUser> Register(string prefix) => ChatUser.RegisterAsync(_client, prefix);

    public void Dispose() => _client.Dispose();
}
