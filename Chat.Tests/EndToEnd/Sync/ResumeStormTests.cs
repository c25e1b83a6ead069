using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Chat.ServiceDefaults;
using Chat.Tests.Gateway.Support;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.EndToEnd.Sync;

/// <summary>
/// The reconnect storm after a gateway restart (issue 14), at a size the shared test machine takes: N idle clients
/// subscribed with cursors on gateway 1, gateway 1 killed, K messages sent meanwhile into each conversation, then
/// every client back at once on the restarted gateway with its cursor (20 users, 10 group conversations). Each must get exactly its K missed messages,
/// in order. Prints the time until all are resumed, Messaging's CPU time during it and the replay requests it served.
/// Larger runs: <c>CHAT_RESUME_STORM_CLIENTS</c> (default 200) and <c>CHAT_RESUME_STORM_MISSED</c> (default 5);
/// <c>CHAT_RESUME_STORM_REPORT</c> names a file the figures are appended to (a passing test's output is not shown).
/// </summary>
[Collection(DistributedAppCollection.Name)]
public sealed class ResumeStormTests(DistributedAppFixture fixture) : IDisposable
{
    private const int Conversations = 10;
    private const int Users = 20; // × 10 conversations: 200 distinct (user, conversation) resumes, none coalesced
    private const string MessageAdded = "subscription($id: ID!, $after: String) { messageAdded(conversationId: $id, after: $after) { seq } }";
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(3);
    private readonly GraphQLClient _gateway2 = new(fixture.EndpointOf(ResourceNames.Gateway + "-2"));

    [Fact]
    public async Task EveryClient_ReconnectingWithItsCursorAfterAGatewayRestart_GetsExactlyWhatItMissed()
    {
        var clients = Setting("CHAT_RESUME_STORM_CLIENTS", 200);
        var missed = Setting("CHAT_RESUME_STORM_MISSED", 5);
        var alice = await ChatUser.RegisterAsync(_gateway2, "alice");
        var users = new List<ChatUser>();
        for (var i = 0; i < Users; i++)
        {
            users.Add(await ChatUser.RegisterAsync(_gateway2, "idle"));
        }
        var conversations = new List<string>();
        for (var i = 0; i < Conversations; i++)
        {
            var id = (await alice.CreateConversationAsync(users, $"storm {i}"))["id"]!.GetValue<string>();
            await alice.SendMessageAsync(id, "seen before the restart"); // seq 1: every client's cursor
            conversations.Add(id);
        }

        // Client i: user i % 20 in conversation (i / 20) % 10.
        // Set up in waves (only the reconnect is the storm being measured).
        var idle = new List<GraphQLWsTestClient>();
        foreach (var wave in Enumerable.Range(0, clients).Chunk(100))
        {
            idle.AddRange(await Task.WhenAll(wave.Select(i => SubscribeAsync(users[i % Users], conversations[i / Users % Conversations]))));
        }
        Crashes.KillService(fixture, ResourceNames.Gateway);
        foreach (var id in conversations)
        {
            for (var k = 1; k <= missed; k++)
            {
                await alice.SendMessageAsync(id, $"missed {k}");
            }
        }
        await Crashes.WaitUntilHealthyAsync(fixture, ResourceNames.Gateway);
        foreach (var client in idle)
        {
            await client.DisposeAsync();
        }

        var messaging = fixture.ServiceProcessIdOf(ResourceNames.Messaging);
        var cpuBefore = ProcessCpuTime.Of(messaging);
        var storm = Stopwatch.StartNew();
        var resumed = await Task.WhenAll(Enumerable.Range(0, clients).Select(i =>
            ResumeAsync(users[i % Users], conversations[i / Users % Conversations], missed, storm)));
        var allResumed = storm.Elapsed;
        var cpu = ProcessCpuTime.Of(messaging) - cpuBefore;
        var calls = await DownstreamCalls.ReadAsync(fixture);
        var replays = calls.Matching(key => key.StartsWith("messaging GET /conversations/", StringComparison.Ordinal));
        var membershipChecks = calls.Matching(key => key.StartsWith("messaging GET /messages/", StringComparison.Ordinal));

        Assert.All(resumed, r => Assert.Equal(Enumerable.Range(2, missed).Select(seq => (long)seq), r.Seqs));
        var report = string.Create(CultureInfo.InvariantCulture,
            $"resume storm: {clients} clients, {missed} missed each: all resumed in {allResumed.TotalSeconds:F2} s " +
            $"(median client {Median(resumed.Select(r => r.Done)).TotalSeconds:F2} s); Messaging CPU {cpu.TotalSeconds:F2} s; " +
            $"{replays} replay and {membershipChecks} membership requests to Messaging");
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        if (Environment.GetEnvironmentVariable("CHAT_RESUME_STORM_REPORT") is { Length: > 0 } reportFile)
        {
            await File.AppendAllTextAsync(reportFile, report + Environment.NewLine, TestContext.Current.CancellationToken);
        }
    }

    private async Task<GraphQLWsTestClient> SubscribeAsync(ChatUser user, string conversationId)
    {
        var client = await GraphQLWsTestClient.ConnectAndInitAsync(fixture.GatewayUrl, user.AccessToken);
        await client.SendAsync(new { id = "m", type = "subscribe", payload = new { query = MessageAdded, variables = new { id = conversationId, after = "1" } } });
        return client;
    }

    private async Task<(List<long> Seqs, TimeSpan Done)> ResumeAsync(ChatUser user, string conversationId, int missed, Stopwatch storm)
    {
        await using var client = await GraphQLWsTestClient.ConnectAndInitAsync(fixture.GatewayUrl, user.AccessToken);
        await client.SendAsync(new { id = "m", type = "subscribe", payload = new { query = MessageAdded, variables = new { id = conversationId, after = "1" } } });
        var seqs = new List<long>();
        while (seqs.Count < missed)
        {
            var message = await client.ReceiveUntilAsync(m => m["type"]?.GetValue<string>() is "next" or "error", Wait);
            Assert.Equal("next", message["type"]!.GetValue<string>());
            seqs.Add(message["payload"]!["data"]!["messageAdded"]!["seq"]!.GetValue<long>());
        }
        return (seqs, storm.Elapsed);
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) ? value : fallback;

    public void Dispose() => _gateway2.Dispose();
}
