using Chat.Tests.Gateway.Support;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.EndToEnd.Features;

/// <summary>The README's runnable tour (examples/try.mjs) works against the running app, as a newcomer would run it.</summary>
[Collection(DistributedAppCollection.Name)]
public sealed class ExampleScriptTests(DistributedAppFixture fixture)
{
    [Fact]
    public async Task TheTour_RunsEveryStep_AndBobIsNotifiedOfTheMention()
    {
        var graphql = new Uri(fixture.GatewayUrl, "/graphql").ToString();

        var output = await ExternalProcess.RunAsync(
            "node", ["examples/try.mjs", graphql], ExternalProcess.RepositoryRoot(), TimeSpan.FromMinutes(1));

        foreach (var step in new[] { "createConversation", "addReaction", "thread", "messageVersions", "muteConversation", "bob's notifications" })
        {
            Assert.Contains($"# {step}", output);
        }
        Assert.Contains("\"type\": \"MENTION\"", output);
        Assert.Contains("\"content\": \"noon works\"", output);
    }
}
