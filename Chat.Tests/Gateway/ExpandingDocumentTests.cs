using System.Net;
using System.Net.Sockets;
using Chat.Gateway.Schema;
using Chat.Tests.Gateway.Support;
using Chat.Tests.Infrastructure;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Tests.Gateway;

/// <summary>
/// A small document can expand to an enormous one through fragments that spread each other: its cost must follow
/// the bytes the client sent, not the expansion (issue 12, item 3).
/// </summary>
public sealed class ExpandingDocumentTests(ITestOutputHelper output)
{
    /// <summary><paramref name="levels"/> fragments, each spreading the next ten times: 10^levels fields once expanded.</summary>
    private static string NestedFragments(int levels)
    {
        var document = new System.Text.StringBuilder($"query {{ ...F{levels} }}\nfragment F0 on Query {{ __typename }}\n");
        for (var level = 1; level <= levels; level++)
        {
            document.Append($"fragment F{level} on Query {{ {string.Join(' ', Enumerable.Repeat($"...F{level - 1}", 10))} }}\n");
        }

        return document.ToString();
    }

    [Fact]
    public async Task ExponentiallyExpandingDocuments_AreRefusedAtCostLinearInTheirSize()
    {
        await using var factory = GatewayFactory.WithAuthDown();
        var executer = factory.Services.GetRequiredService<IDocumentExecuter<ChatSchema>>();
        await executer.ExecuteAsync(new ExecutionOptions { Query = "{ __typename }", RequestServices = factory.Services });

        var medians = new List<TimeSpan>();
        foreach (var levels in new[] { 4, 5, 6, 7, 8 })
        {
            var query = NestedFragments(levels);
            var samples = new List<TimeSpan>();
            ExecutionResult? result = null;
            for (var run = 0; run < 7; run++)
            {
                // Validation runs synchronously on this thread: thread CPU time is the whole cost of the refusal.
                samples.Add(ThreadCpuTime.Of(() => result = executer.ExecuteAsync(
                    new ExecutionOptions { Query = query, RequestServices = factory.Services }).GetAwaiter().GetResult()));
            }

            var median = samples.Order().ElementAt(samples.Count / 2);
            output.WriteLine($"10^{levels} expansions, {query.Length} bytes: refused in {median.TotalMilliseconds:F3} ms CPU (median of 7)");
            var error = Assert.Single(result!.Errors!);
            Assert.Contains("fields once fragments are expanded", error.Message);
            medians.Add(median);
        }

        // Unbounded, 10^6 expansions took over a CPU-second and 10^8 forty; refused, each takes well under a millisecond.
        Assert.All(medians, median => Assert.True(median < TimeSpan.FromMilliseconds(20), $"{median.TotalMilliseconds} ms CPU"));
    }

    [Fact]
    public async Task ExpandingDocument_OverHttp_IsAValidationFailure()
    {
        await using var factory = GatewayFactory.WithAuthDown();
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(GraphQLHttp.Post(NestedFragments(8)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", json.FirstErrorCode());
        Assert.Contains("100,000,000 fields", json["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManyFields_BeyondMaxFields_AreRefused_AndUpToItAccepted()
    {
        await using var factory = GatewayFactory.WithAuthDown(("GraphQL:MaxFields", "10"));
        using var client = factory.CreateClient();

        using var within = await client.SendAsync(GraphQLHttp.Post(NestedFragments(1)), TestContext.Current.CancellationToken);
        using var beyond = await client.SendAsync(
            GraphQLHttp.Post("{ a: __typename ...F } fragment F on Query { " + string.Join(' ', Enumerable.Range(0, 10).Select(i => $"f{i}: __typename")) + " }"),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, within.StatusCode);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", (await beyond.ReadJsonAsync()).FirstErrorCode());
    }

    [Fact]
    public async Task FragmentChain_LongerThanTheBound_IsRefused()
    {
        var chain = OperationSizeChain(Chat.Gateway.Validation.OperationSize.MaxFragmentChain + 1);
        await using var factory = GatewayFactory.WithAuthDown();
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(GraphQLHttp.Post(chain), TestContext.Current.CancellationToken);

        var json = await response.ReadJsonAsync();
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", json.FirstErrorCode());
        Assert.Contains("at most", json["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operation_RunningPastMaxExecutionTime_IsAbandonedWithTimeout()
    {
        // An Auth that accepts connections and never answers: only the execution budget can end the call.
        using var silentAuth = new TcpListener(IPAddress.Loopback, 0);
        silentAuth.Start();
        var authUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)silentAuth.LocalEndpoint).Port}");
        await using var factory = GatewayFactory.WithAuthAt(authUrl,
            ("GraphQL:MaxExecutionTime", "00:00:01"), ("CallBudget:AttemptTimeout", "00:00:30"), ("CallBudget:TotalTimeout", "00:01:00"));
        using var client = factory.CreateClient();
        var started = System.Diagnostics.Stopwatch.StartNew();

        using var response = await client.SendAsync(
            GraphQLHttp.Post("mutation { login(input: { email: \"a@example.com\", password: \"secret-password\" }) { accessToken } }"),
            TestContext.Current.CancellationToken);

        var json = await response.ReadJsonAsync();
        Assert.Equal("TIMEOUT", json.FirstErrorCode());
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"answered after {started.Elapsed}");
    }

    private static string OperationSizeChain(int length)
    {
        var document = new System.Text.StringBuilder($"query {{ ...C{length} }}\nfragment C0 on Query {{ __typename }}\n");
        for (var link = 1; link <= length; link++)
        {
            document.Append($"fragment C{link} on Query {{ ...C{link - 1} }}\n");
        }

        return document.ToString();
    }
}
