using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Chat.Tests.Gateway.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Tests.Gateway;

/// <summary>
/// Runs graphql-http's server audits (the reference checks of the GraphQL-over-HTTP spec, npm package
/// <c>graphql-http</c>) against the gateway listening on a real port.
/// </summary>
public sealed class GraphQLHttpAuditTests
{
    [Fact]
    public async Task GraphQLHttpServerAudits_AgainstRealGateway_AllMustAndShouldAuditsPass()
    {
        var results = await RunAuditsAsync();

        Assert.True(results.Length >= 50, $"Expected the full audit list, got {results.Length} results.");
        Assert.Empty(results.Where(r => r.Name.StartsWith("MUST ", StringComparison.Ordinal) && r.Status != "ok").Select(Describe));
        Assert.Empty(results.Where(r => r.Name.StartsWith("SHOULD ", StringComparison.Ordinal) && r.Status != "ok").Select(Describe));
    }

    private static async Task<AuditResult[]> RunAuditsAsync()
    {
        await using var factory = GatewayFactory.WithAuthDown();
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.First().Replace("localhost", "127.0.0.1", StringComparison.Ordinal);

        var auditDirectory = Path.Combine(ExternalProcess.RepositoryRoot(), "Chat.Tests", "Gateway", "audit");
        if (!Directory.Exists(Path.Combine(auditDirectory, "node_modules", "graphql-http")))
        {
            await ExternalProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], auditDirectory, TimeSpan.FromMinutes(3));
        }

        var json = await ExternalProcess.RunAsync("node", ["audit.mjs", address + "/graphql"], auditDirectory, TimeSpan.FromMinutes(2));
        var results = JsonSerializer.Deserialize<AuditResult[]>(json, JsonSerializerOptions.Web)!;
        var report = ToMarkdown(results);
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "graphql-http-audit.md"), report);
        return results;
    }

    private static string Describe(AuditResult result) => $"{result.Id} {result.Name}: {result.Reason}";

    private static string ToMarkdown(AuditResult[] results)
    {
        var report = new StringBuilder();
        report.AppendLine($"graphql-http server audit: {results.Count(r => r.Status == "ok")} of {results.Length} passed.");
        report.AppendLine();
        report.AppendLine("| id | requirement | result |");
        report.AppendLine("|---|---|---|");
        foreach (var result in results)
        {
            var outcome = result.Status == "ok" ? "pass" : $"{result.Status}: {result.Reason}";
            report.AppendLine($"| {result.Id} | {result.Name.Replace("|", "\\|", StringComparison.Ordinal)} | {outcome} |");
        }

        return report.ToString();
    }

    private sealed record AuditResult(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("reason")] string? Reason);
}
