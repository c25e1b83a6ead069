using Chat.Tests.Infrastructure;

namespace Chat.Tests.EndToEnd.Subscriptions;

/// <summary>Registers fresh users through the gateway.</summary>
public static class TestUsers
{
    private const string Register = "mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }";

    public static async Task<(Guid Id, string AccessToken)> RegisterAsync(GraphQLClient client, string prefix)
    {
        var name = prefix + Guid.NewGuid().ToString("N")[..10];
        var registered = (await client.SendAsync(Register,
            new { input = new { email = name + "@example.com", username = name, password = "correct horse 1" } })).EnsureNoErrors();
        var payload = registered.Data!["register"]!;
        return (Guid.Parse(payload["user"]!["id"]!.GetValue<string>()), payload["accessToken"]!.GetValue<string>());
    }
}
