using Chat.Tests.Infrastructure;

namespace Chat.Tests.Presence;

/// <summary>A freshly registered user (through the gateway) for presence tests: its id and access token.</summary>
public sealed record PresenceTestUser(Guid Id, string AccessToken)
{
    private const string Register = """
        mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }
        """;

    /// <summary>
    /// Registers a new user. Registration is not what these tests check: on a loaded machine Auth's password
    /// hashing can outlast the gateway's time budget, so SERVICE_UNAVAILABLE is retried (with a new name, as the
    /// timed-out attempt may have succeeded).
    /// </summary>
    public static async Task<PresenceTestUser> RegisterAsync(GraphQLClient client)
    {
        var registered = await Eventually.ReturnsAsync(
            () =>
            {
                var name = "pres" + Guid.NewGuid().ToString("N")[..10];
                return client.SendAsync(Register, new { input = new { email = $"{name}@example.com", username = name, password = "presence pass 1" } });
            },
            response => !response.ErrorCodes.Contains("SERVICE_UNAVAILABLE"),
            TimeSpan.FromSeconds(30),
            "a registration Auth answers in time");
        registered.EnsureNoErrors();
        return new PresenceTestUser(
            Guid.Parse(registered.Data!["register"]!["user"]!["id"]!.GetValue<string>()),
            registered.Data!["register"]!["accessToken"]!.GetValue<string>());
    }
}
