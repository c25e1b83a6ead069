using Chat.ServiceDefaults;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.EndToEnd.ColdStart;

/// <summary>
/// The first requests right after every resource turned healthy succeed under the production budgets: services
/// report ready only once warm (signing keys, EF model and a connection, Messaging's create and send paths, the
/// GraphQL schema), so a client's first createConversation is not the one that pays for the cold start and times
/// out although it was carried out.
/// </summary>
public sealed class ColdStartTests(ColdStartTests.ColdApp app) : IClassFixture<ColdStartTests.ColdApp>
{
    [Fact]
    public async Task FirstCreateConversationAndSendMessage_AfterAllHealthy_Succeed()
    {
        using var gateway = new GraphQLClient(app.GatewayUrl);
        var alice = await ChatUser.RegisterAsync(gateway, "alice");
        var bob = await ChatUser.RegisterAsync(gateway, "bob");

        // The gateway gives each service call its production budget here: a cold service answers SERVICE_UNAVAILABLE.
        var conversation = await alice.CreateConversationAsync([bob]);
        var message = await alice.SendMessageAsync(conversation["id"]!.GetValue<string>(), "first words");

        Assert.Equal("first words", message["content"]!.GetValue<string>());
    }

    /// <summary>An app of its own, started for this test alone, with the services' production time budgets.</summary>
    public sealed class ColdApp : DistributedAppFixture
    {
        protected override ChatApplicationOptions ApplicationOptions()
        {
            var options = new ChatApplicationOptions();
            options.ServiceSettings[ResourceNames.Auth] = new() { ["Auth__LoginRateLimit__PerIpPermitLimit"] = "100000" };
            return options;
        }
    }
}
