using Chat.Tests.EndToEnd.Subscriptions;

namespace Chat.Tests.EndToEnd.Sync;

/// <summary>
/// A client cannot tell when the server has set a subscription up (a <c>messageAdded</c> with a conversation first
/// asks Messaging about membership, which takes seconds on a loaded machine): warm-up messages are sent until one
/// reaches every subscription, after which each is live.
/// </summary>
public static class LiveSubscriptions
{
    private static readonly TimeSpan Round = TimeSpan.FromSeconds(5);
    private const int MaxRounds = 12;

    /// <summary>The id of the warm-up message every subscription received; later messages reach all of them.</summary>
    public static async Task<string> ProveLiveAsync(ChatUser sender, string conversationId, IReadOnlyList<GraphQLWsNodeSubscription> subscriptions)
    {
        for (var round = 1; round <= MaxRounds; round++)
        {
            var warmUp = (await sender.SendMessageAsync(conversationId, $"warm-up {round}"))["id"]!.GetValue<string>();
            var received = await Task.WhenAll(subscriptions.Select(subscription => ReceivedAsync(subscription, warmUp)));
            if (received.All(ok => ok))
            {
                return warmUp;
            }
        }
        throw new TimeoutException($"No warm-up message reached every subscription in {MaxRounds} rounds.");
    }

    private static async Task<bool> ReceivedAsync(GraphQLWsNodeSubscription subscription, string messageId)
    {
        try
        {
            await subscription.NextDataAsync("messageAdded", m => m["messageId"]!.GetValue<string>() == messageId, Round);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
