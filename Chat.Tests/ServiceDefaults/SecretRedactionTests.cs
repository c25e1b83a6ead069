using Chat.ServiceDefaults.Startup;

namespace Chat.Tests.ServiceDefaults;

public sealed class SecretRedactionTests
{
    [Theory]
    [InlineData("Host=127.0.0.1;Port=5432;Database=chat;Username=postgres;Password=s3cr3t", "Host=127.0.0.1;Port=5432;Database=chat;Username=postgres;Password=***")]
    [InlineData("127.0.0.1:6379,password=s3cr3t,abortConnect=false", "127.0.0.1:6379,password=***,abortConnect=false")]
    [InlineData("Server=db; PWD = s3cr3t ;Timeout=5", "Server=db; PWD=***;Timeout=5")]
    [InlineData("http://alice:s3cr3t@registry:8081", "http://alice:***@registry:8081")]
    [InlineData("127.0.0.1:9092", "127.0.0.1:9092")]
    [InlineData("", "")]
    public void Redact_HidesPasswordsAndLeavesTheRest(string text, string expected) =>
        Assert.Equal(expected, SecretRedaction.Redact(text));

    [Theory]
    [InlineData("Password", true)]
    [InlineData("signingKeyPem", true)]
    [InlineData("clientSecret", true)]
    [InlineData("accessTokenLifetime", false)]
    [InlineData("issuer", false)]
    public void IsSecretName_RecognisesSecretSettings(string name, bool secret) =>
        Assert.Equal(secret, SecretRedaction.IsSecretName(name));
}
