using System.Collections.Concurrent;
using System.Diagnostics;
using Chat.Gateway.Configuration;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.EndToEnd;

/// <summary>
/// An attacker and an innocent user side by side through the real gateway. The attacker brute-forces one account's
/// password (Auth soon answers 429) and sends bad messages (oversized, empty, NUL, to a conversation it is not in),
/// each at the most the production rate limits allow a client. Every answer the attacker provokes is about its own
/// requests, so the innocent user — logging in, reading, sending through the same services — must not notice.
/// </summary>
[Collection(DistributedAppCollection.Name)]
public sealed class AttackerIsolationTests(DistributedAppFixture fixture) : IDisposable
{
    private static readonly TimeSpan AttackDuration = TimeSpan.FromSeconds(20);
    private const string Password = "correct horse 1";

    private readonly GraphQLClient _client = new(fixture.GatewayUrl);

    [Fact]
    public async Task BruteForceAndBadInputAtFullRate_LeaveAnInnocentUsersRequests_Succeeding()
    {
        var innocent = await ChatUser.RegisterAsync(_client, "innocent");
        var friend = await ChatUser.RegisterAsync(_client, "friend");
        var attacker = await ChatUser.RegisterAsync(_client, "attacker");
        var victim = await ChatUser.RegisterAsync(_client, "victim");
        var innocentConversation = (await innocent.CreateConversationAsync([friend]))["id"]!.GetValue<string>();
        var attackerConversation = (await attacker.CreateConversationAsync([friend]))["id"]!.GetValue<string>();
        var production = new GatewayRateLimitOptions();
        var attackerAnswers = new ConcurrentBag<string>();

        using var stop = new CancellationTokenSource(AttackDuration);
        var bruteForce = AtRateAsync(production.PermitsPerIp / production.Window.TotalSeconds, stop.Token, async i =>
            attackerAnswers.Add(Outcome(await _client.SendAsync(
                "mutation($input: LoginInput!) { login(input: $input) { accessToken } }",
                new { input = new { email = $"{victim.Username}@example.com", password = $"guess-{i}" } }))));
        string[] badContents = [new string('x', 4001), "", "nul\u0000byte"];
        var badSends = AtRateAsync(production.PermitsPerUser / production.Window.TotalSeconds, stop.Token, async i =>
            attackerAnswers.Add(Outcome(i % 4 == 3
                ? await attacker.TrySendMessageAsync(innocentConversation, "let me in")
                : await attacker.TrySendMessageAsync(attackerConversation, badContents[i % 4]))));
        var innocentOutcomes = await InnocentUserAsync(innocent, innocentConversation, stop.Token);
        await Task.WhenAll(bruteForce, badSends);

        var failures = innocentOutcomes.Where(outcome => outcome != "ok").ToList();
        var successRate = 1.0 - (double)failures.Count / innocentOutcomes.Count;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"innocent: {innocentOutcomes.Count - failures.Count}/{innocentOutcomes.Count} succeeded ({successRate:P2}); " +
            $"failures: [{Tally(failures)}]; attacker's {attackerAnswers.Count} requests: {Tally(attackerAnswers)}");
        // The attack happened: the brute force ran into Auth's per-account limit, the sends were refused.
        Assert.Contains("RATE_LIMITED", attackerAnswers);
        Assert.Contains("BAD_USER_INPUT", attackerAnswers);
        Assert.DoesNotContain("ok", attackerAnswers);
        Assert.True(innocentOutcomes.Count >= 100, $"only {innocentOutcomes.Count} innocent requests ran");
        Assert.True(successRate >= 0.99, $"the innocent user's success rate was {successRate:P2}: {Tally(failures)}");
    }

    /// <summary>Logs in, reads and writes through Auth, Messaging and Notifications until <paramref name="stop"/>.</summary>
    private async Task<List<string>> InnocentUserAsync(ChatUser innocent, string conversationId, CancellationToken stop)
    {
        var outcomes = new List<string>();
        var login = new { input = new { email = $"{innocent.Username}@example.com", password = Password } };
        Func<int, Task<GraphQLResponse>>[] steps =
        [
            _ => innocent.SendAsync("{ me { id username } }"),
            _ => innocent.SendAsync("{ conversations(first: 5) { edges { node { id participants { username } } } } }"),
            i => innocent.TrySendMessageAsync(conversationId, $"hello {i}", clientMessageId: Guid.NewGuid().ToString()),
            _ => innocent.TryMessagesAsync(conversationId, first: 5),
            _ => innocent.SendAsync("{ unreadNotificationCount }"),
            // Every 30th step, within Auth's per-account limit of the innocent's own account (10 a minute).
            i => i % 30 == 5
                ? _client.SendAsync("mutation($input: LoginInput!) { login(input: $input) { accessToken } }", login)
                : innocent.SendAsync("{ me { id } }"),
        ];
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            outcomes.Add(Outcome(await steps[i % steps.Length](i)));
            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        }

        return outcomes;
    }

    /// <summary>Starts <paramref name="request"/> <paramref name="perSecond"/> times a second, not waiting for answers, until <paramref name="stop"/>.</summary>
    private static async Task AtRateAsync(double perSecond, CancellationToken stop, Func<int, Task> request)
    {
        var running = new List<Task>();
        var interval = TimeSpan.FromSeconds(1 / perSecond);
        var clock = Stopwatch.StartNew();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            running.Add(request(i));
            var next = interval * (i + 1) - clock.Elapsed;
            if (next > TimeSpan.Zero)
            {
                await Task.Delay(next, CancellationToken.None);
            }
        }

        await Task.WhenAll(running);
    }

    private static string Tally(IEnumerable<string> outcomes) =>
        string.Join(", ", outcomes.GroupBy(o => o).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"));

    private static string Outcome(GraphQLResponse response) =>
        response.Errors.Count == 0 ? "ok" : string.Join("+", response.ErrorCodes);

    public void Dispose() => _client.Dispose();
}
