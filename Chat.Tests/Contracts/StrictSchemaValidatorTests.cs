using System.Text.Json;
using System.Text.Json.Nodes;
using Chat.Contracts;
using Chat.Contracts.Events;
using Chat.Tests.Gateway.Support;

namespace Chat.Tests.Contracts;

/// <summary>
/// Every event's current schema compiles in a strict validator of the draft it declares (Ajv in strict mode, npm
/// packages <c>ajv</c> and <c>ajv-formats</c>, knowing only that draft's formats), as a JavaScript consumer of our
/// topics would load it, and the events our producers write validate against it.
/// </summary>
public sealed class StrictSchemaValidatorTests
{
    [Fact]
    public async Task EveryCurrentSchema_CompilesStrictly_AndAcceptsTheEventsWeWrite()
    {
        var cases = EventCatalog.All.Select(descriptor => new StrictCase(
            $"{descriptor.Topic} v{descriptor.CurrentVersion}",
            descriptor.CurrentSchema,
            [.. SampleEvents.All.Where(e => e.GetType() == descriptor.EventType).Select(e => JsonNode.Parse(EventJson.Serialize(e))!)]));

        var results = await CheckAsync(cases);

        Assert.Equal(EventCatalog.All.Count, results.Count);
        Assert.All(EventCatalog.All, descriptor => Assert.Contains(SampleEvents.All, e => e.GetType() == descriptor.EventType));
        Assert.All(results, result => Assert.True(result.Errors.Count == 0, $"{result.Name}: {string.Join("; ", result.Errors)}"));
    }

    [Fact]
    public async Task ADraft07SchemaUsingTheUuidFormat_IsRefused()
    {
        // The first published version of message.deleted: proves the check is strict enough to see the problem.
        var published = EventCatalog.For<MessageDeleted>().SchemaVersions[0];

        var results = await CheckAsync([new StrictCase("message.deleted v1", published, [])]);

        Assert.Contains(results.Single().Errors, error => error.Contains("unknown format \"uuid\"", StringComparison.Ordinal));
    }

    private static async Task<List<StrictResult>> CheckAsync(IEnumerable<StrictCase> cases)
    {
        var directory = Path.Combine(ExternalProcess.RepositoryRoot(), "Chat.Tests", "Contracts", "strict-schemas");
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "ajv-formats")))
        {
            await ExternalProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], directory, TimeSpan.FromMinutes(3));
        }

        var input = Path.Combine(Path.GetTempPath(), $"strict-schemas-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(cases, JsonSerializerOptions.Web), TestContext.Current.CancellationToken);
        try
        {
            var output = await ExternalProcess.RunAsync("node", ["check.mjs", input], directory, TimeSpan.FromMinutes(1));
            return JsonSerializer.Deserialize<List<StrictResult>>(output, JsonSerializerOptions.Web)!;
        }
        finally
        {
            File.Delete(input);
        }
    }

    private sealed record StrictCase(string Name, string Schema, IReadOnlyList<JsonNode> Samples);

    private sealed record StrictResult(string Name, IReadOnlyList<string> Errors);
}
