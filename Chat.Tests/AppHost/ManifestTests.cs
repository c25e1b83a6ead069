using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Chat.ServiceDefaults;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.AppHost;

/// <summary>
/// <c>dotnet run --project Chat.AppHost -- --publisher manifest --output-path DIR</c> describes a deployable app: every
/// resource a container, a project, a database on a container or a value/parameter, and every expression in it
/// names a resource the manifest has.
/// </summary>
public sealed partial class ManifestTests
{
    private static readonly HashSet<string> DeployableTypes =
        ["container.v0", "container.v1", "project.v0", "project.v1", "postgres.database.v0", "value.v0", "parameter.v0",
         // Aspire's own derived values, e.g. a password parameter URI-encoded for a connection URI.
         "annotated.string"];

    [Fact]
    public async Task PublishManifest_DescribesEveryResource_AsDeployable()
    {
        var output = TemporaryDirectory.Create("chat-manifest");
        try
        {
            var (exitCode, log) = await RunAsync("dotnet", ["run", "--project", System.IO.Path.Combine(RepositoryRoot.Path, "Chat.AppHost"), "--no-build",
                "--", "--publisher", "manifest", "--output-path", output]);
            Assert.True(exitCode == 0, log);
            var manifestText = await File.ReadAllTextAsync(System.IO.Path.Combine(output, "aspire-manifest.json"), TestContext.Current.CancellationToken);
            var resources = JsonNode.Parse(manifestText)!["resources"]!.AsObject();

            string[] expected = ["auth-postgres", ResourceNames.AuthDb, ResourceNames.ChatDb, ResourceNames.PresenceDb, ResourceNames.NotificationDb,
                ResourceNames.Redis, ResourceNames.Kafka, ResourceNames.SchemaRegistry, ResourceNames.Auth, ResourceNames.Messaging,
                ResourceNames.Presence, ResourceNames.Notifications, ResourceNames.Gateway];
            Assert.Empty(expected.Except(resources.Select(resource => resource.Key)));
            Assert.All(resources, resource => Assert.Contains(resource.Value!["type"]!.GetValue<string>(), DeployableTypes));
            Assert.All(resources.Where(resource => resource.Value!["type"]!.GetValue<string>().StartsWith("container", StringComparison.Ordinal)),
                resource => Assert.False(string.IsNullOrEmpty(resource.Value!["image"]?.GetValue<string>()), $"{resource.Key} has no image"));
            var referenced = ExpressionReference().Matches(manifestText).Select(match => match.Groups[1].Value).ToHashSet();
            Assert.Empty(referenced.Except(resources.Select(resource => resource.Key)));
        }
        finally
        {
            TemporaryDirectory.Delete(output);
        }
    }

    [GeneratedRegex(@"\{([a-z0-9-]+)\.(?:connectionString|bindings|value|outputs|inputs)")]
    private static partial Regex ExpressionReference();

    private static async Task<(int ExitCode, string Log)> RunAsync(string command, IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await stdout + await stderr);
    }
}
