using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Chat.ServiceDefaults;
using Chat.Tests.EndToEnd;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.ServiceDefaults;

/// <summary>
/// Text PostgreSQL cannot store — U+0000, an unpaired surrogate — is refused as the client's error (400 naming the
/// field; BAD_USER_INPUT through the gateway) in every field of every service, and never reaches a database where it
/// would fail as a server error.
/// </summary>
[Collection(DistributedAppCollection.Name)]
public sealed class UnstorableTextTests(DistributedAppFixture fixture) : IDisposable
{
    private const string Nul = "\\u0000";
    private const string LoneSurrogate = "\\ud800";
    private static readonly Guid SomeId = Guid.Parse("00000000-0000-0000-0000-000000000001");

    private readonly GraphQLClient _gateway = new(fixture.GatewayUrl);

    public static TheoryData<string, string, string, string, string> Fields() => new()
    {
        // service, method, path ({conversation} and {message} are filled in), body with {bad}, the field named
        { ResourceNames.Auth, "POST", "/auth/register", """{"email":"a{bad}@example.com","username":"nul_user","password":"correct horse 1"}""", "email" },
        { ResourceNames.Auth, "POST", "/auth/register", """{"email":"nul@example.com","username":"nul{bad}user","password":"correct horse 1"}""", "username" },
        { ResourceNames.Auth, "POST", "/auth/register", """{"email":"nul@example.com","username":"nul_user","password":"correct {bad}horse"}""", "password" },
        { ResourceNames.Auth, "POST", "/auth/login", """{"email":"a{bad}@example.com","password":"correct horse 1"}""", "email" },
        { ResourceNames.Auth, "POST", "/auth/login", """{"email":"a@example.com","password":"x{bad}xxxxxxxx"}""", "password" },
        { ResourceNames.Auth, "POST", "/auth/refresh", """{"refreshToken":"t{bad}"}""", "refreshToken" },
        { ResourceNames.Auth, "POST", "/auth/logout", """{"refreshToken":"t{bad}"}""", "refreshToken" },
        { ResourceNames.Messaging, "POST", "/conversations", """{"participantIds":["{other}","{third}"],"title":"Team {bad}","isGroup":true}""", "title" },
        { ResourceNames.Messaging, "POST", "/messages", """{"conversationId":"{conversation}","content":"hi {bad}"}""", "content" },
        { ResourceNames.Messaging, "POST", "/messages", """{"conversationId":"{conversation}","content":"hi","clientMessageId":"k{bad}"}""", "clientMessageId" },
        { ResourceNames.Messaging, "PATCH", "/messages/{message}", """{"content":"edited {bad}"}""", "content" },
        { ResourceNames.Messaging, "GET", "/messages/search?q=hi{bad}", "", "q" },
        { ResourceNames.Messaging, "GET", "/conversations?cursor=c{bad}", "", "cursor" },
        { ResourceNames.Messaging, "GET", "/messages/{conversation}?cursor=c{bad}", "", "cursor" },
        { ResourceNames.Notifications, "GET", "/notifications?after=a{bad}", "", "after" },
        { ResourceNames.Presence, "POST", "/presence", """{"status":"ONLINE{bad}"}""", "status" },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task UnstorableText_InAnyField_Is400NamingIt(string service, string method, string path, string body, string field)
    {
        var (alice, conversation, message) = await ArrangeAsync();
        var others = new[] { (await ChatUser.RegisterAsync(_gateway)).Id, (await ChatUser.RegisterAsync(_gateway)).Id };
        // A query string is UTF-8 on the wire, which has no form for a lone surrogate (invalid bytes decode to U+FFFD).
        foreach (var bad in body.Length > 0 ? new[] { Nul, LoneSurrogate } : [Nul])
        {
            string Fill(string text, bool escaped) => text
                .Replace("{bad}", escaped ? bad : "%00")
                .Replace("{conversation}", conversation).Replace("{message}", message)
                .Replace("{other}", others[0].ToString()).Replace("{third}", others[1].ToString());
            using var client = fixture.CreateClient(service);
            using var request = new HttpRequestMessage(new HttpMethod(method), Fill(path, escaped: false));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", alice.AccessToken);
            if (body.Length > 0)
            {
                request.Content = new StringContent(Fill(body, escaped: true), Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            var problem = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{bad} in {field}: {(int)response.StatusCode} {problem}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(field, problem!["field"]?.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("mutation($c: ID!, $t: String!) { sendMessage(input: { conversationId: $c, content: $t }) { id } }", "content")]
    [InlineData("mutation($c: ID!, $t: String!) { sendMessage(input: { conversationId: $c, content: \"hi\", clientMessageId: $t }) { id } }", "clientMessageId")]
    [InlineData("query($t: String!) { searchMessages(query: $t) { edges { node { id } } } }", "query")]
    [InlineData("mutation($t: String!) { login(input: { email: $t, password: \"correct horse 1\" }) { accessToken } }", "email")]
    public async Task UnstorableText_ThroughTheGateway_IsBadUserInput(string document, string field)
    {
        var (alice, conversation, _) = await ArrangeAsync();

        var response = await alice.SendAsync(document, document.Contains("$c") ? new { c = conversation, t = "a\0b@example.com" } : (object)new { t = "a\0b@example.com" });

        var error = Assert.Single(response.Errors);
        Assert.Equal("BAD_USER_INPUT", error!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(field, error["extensions"]!["field"]!.GetValue<string>());
    }

    /// <summary>A user with a conversation and a message in it, so every path above reaches its real handler.</summary>
    private async Task<(ChatUser Alice, string Conversation, string Message)> ArrangeAsync()
    {
        var alice = await ChatUser.RegisterAsync(_gateway, "alice");
        var bob = await ChatUser.RegisterAsync(_gateway, "bob");
        var conversation = (await alice.CreateConversationAsync([bob]))["id"]!.GetValue<string>();
        var message = (await alice.SendMessageAsync(conversation, "hello"))["id"]!.GetValue<string>();
        return (alice, conversation, message);
    }

    public void Dispose() => _gateway.Dispose();
}
