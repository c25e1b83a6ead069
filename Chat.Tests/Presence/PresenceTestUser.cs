using Chat.Tests.Infrastructure;

namespace Chat.Tests.Presence;

/// <summary>A freshly registered user (through the gateway) for presence tests: its id and access token.</summary>
public sealed record PresenceTestUser(Guid Id, string AccessToken)
{
    private const string Register = """
        mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }
        """;

    public static async Task<PresenceTestUser> RegisterAsync(GraphQLClient client)
    {
        var name = "pres" + Guid.NewGuid().ToString("N")[..10];
        var registered = (await client.SendAsync(Register, new { input = new { email = $"{name}@example.com", username = name, password = "presence pass 1" } }))
            .EnsureNoErrors();
        return new PresenceTestUser(
            Guid.Parse(registered.Data!["register"]!["user"]!["id"]!.GetValue<string>()),
            registered.Data!["register"]!["accessToken"]!.GetValue<string>());
    }
}
