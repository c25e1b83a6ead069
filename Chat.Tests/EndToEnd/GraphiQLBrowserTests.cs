using Chat.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Chat.Tests.EndToEnd;

/// <summary>
/// The gateway's GraphiQL in headless Chromium, as a newcomer uses it: open the gateway's root URL, put a token in
/// the headers editor, run a query, browse the docs explorer, and watch a subscription receive an event over
/// WebSocket. Every request the page makes to anywhere but the gateway is refused, so a CDN dependency would fail
/// the test. Screenshots land in <c>bin/.../artifacts/graphiql/</c>.
/// </summary>
[Collection(DistributedAppCollection.Name)]
public sealed class GraphiQLBrowserTests(DistributedAppFixture fixture) : IDisposable
{
    private static readonly string Artifacts = HeadlessChromium.ArtifactsDirectory("graphiql");

    private readonly GraphQLClient http = new(fixture.GatewayUrl);

    [Fact]
    public async Task GraphiQL_RunsAQueryWithATokenShowsDocsAndReceivesASubscriptionEvent_WithoutLeavingTheGateway()
    {
        var alice = await ChatUser.RegisterAsync(http, "ide");
        var bob = await ChatUser.RegisterAsync(http, "ide");
        var conversationId = (await alice.CreateConversationAsync([bob]))["id"]!.GetValue<string>();
        var gateway = fixture.GatewayUrl.GetLeftPart(UriPartial.Authority);

        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.NewPageAsync();
        var elsewhere = new List<string>();
        await page.RouteAsync("**/*", route =>
        {
            if (route.Request.Url.StartsWith(gateway + "/", StringComparison.Ordinal))
            {
                return route.ContinueAsync();
            }
            lock (elsewhere)
            {
                elsewhere.Add(route.Request.Url);
            }
            return route.AbortAsync();
        });
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (consoleErrors)
                {
                    consoleErrors.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (consoleErrors)
            {
                consoleErrors.Add(error);
            }
        };

        await page.GotoAsync(gateway + "/");
        Assert.Equal(gateway + "/graphql", page.Url);
        await Assertions.Expect(page.Locator(".graphiql-container")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Headers", Exact = true }).ClickAsync();
        await ReplaceEditorTextAsync(page, page.Locator(".graphiql-editor-tool .graphiql-editor:not(.hidden)"),
            $$"""{ "Authorization": "Bearer {{alice.AccessToken}}" }""");
        await ReplaceQueryAsync(page, "Me", "query Me { me { id username } }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Execute query (Ctrl-Enter)" }).ClickAsync();
        var result = page.Locator(".result-window");
        await Assertions.Expect(result).ToContainTextAsync(alice.Username);
        await Assertions.Expect(result).ToContainTextAsync(alice.Id.ToString());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "query.png") });

        await page.GetByRole(AriaRole.Button, new() { Name = "Show Documentation Explorer" }).ClickAsync();
        var docs = page.Locator(".graphiql-doc-explorer");
        await Assertions.Expect(docs.Locator(".graphiql-doc-explorer-root-type", new() { HasText = "subscription" })).ToBeVisibleAsync();
        await docs.Locator(".graphiql-doc-explorer-type-name", new() { HasText = "Query" }).First.ClickAsync();
        await Assertions.Expect(docs.GetByText("searchMessages", new() { Exact = true })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "docs.png") });

        await ReplaceQueryAsync(page, "NewMessages",
            $$"""subscription NewMessages { messageAdded(conversationId: "{{conversationId}}") { kind content } }""");
        await page.GetByRole(AriaRole.Button, new() { Name = "Execute query (Ctrl-Enter)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stop query (Ctrl-Enter)" })).ToBeVisibleAsync();
        // The page cannot tell when the gateway has the subscription in place, so Bob sends until one arrives.
        var content = "hello GraphiQL " + Guid.NewGuid().ToString("N")[..8];
        await Eventually.ReturnsAsync(async () =>
        {
            await bob.SendMessageAsync(conversationId, content);
            await Task.Delay(500);
            return await result.InnerTextAsync();
        }, text => text.Contains(content, StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the subscription event in GraphiQL's result");
        await Assertions.Expect(result).ToContainTextAsync("CREATED");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "subscription.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Stop query (Ctrl-Enter)" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Show History" }).ClickAsync();
        await Assertions.Expect(page.Locator(".graphiql-history-item-label", new() { HasText = "Me" }).First).ToBeVisibleAsync();

        Assert.Empty(elsewhere);
        Assert.DoesNotContain(consoleErrors, error => error.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    /// <summary>Selects all of a CodeMirror editor's text and pastes <paramref name="text"/> over it, as a user would.</summary>
    private static async Task ReplaceEditorTextAsync(IPage page, ILocator editor, string text)
    {
        await editor.Locator(".CodeMirror").ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.InsertTextAsync(text);
        await Assertions.Expect(editor).ToContainTextAsync(text[..Math.Min(text.Length, 20)]);
    }

    /// <summary>
    /// Replaces the query editor's document and waits until GraphiQL has parsed it (it does so 100 ms after an edit,
    /// then stores the selected operation's name): a click on Execute before that would run the previous operation.
    /// </summary>
    private static async Task ReplaceQueryAsync(IPage page, string operationName, string document)
    {
        await ReplaceEditorTextAsync(page, page.Locator(".graphiql-query-editor .graphiql-editor"), document);
        await page.WaitForFunctionAsync("name => localStorage.getItem('graphiql:operationName') === name", operationName);
    }

    public void Dispose() => http.Dispose();
}
