using Chat.ServiceDefaults;
using Microsoft.Extensions.Configuration;

namespace Chat.Tests.ServiceDefaults;

public sealed class ConnectionStringsTests
{
    [Fact]
    public void GetRequired_WhenMissing_FailsNamingTheKeyAndTheEnvironmentVariable()
    {
        var configuration = new ConfigurationBuilder().Build();

        var error = Assert.Throws<InvalidOperationException>(() => ConnectionStrings.GetRequired(configuration, ResourceNames.ChatDb));

        Assert.Contains("ConnectionStrings:chat-db", error.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__chat-db", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetRequired_WhenPresent_ReturnsIt()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:redis"] = "127.0.0.1:6379" })
            .Build();

        Assert.Equal("127.0.0.1:6379", ConnectionStrings.GetRequired(configuration, ResourceNames.Redis));
    }
}
