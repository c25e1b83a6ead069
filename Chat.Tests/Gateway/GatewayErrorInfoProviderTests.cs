using Chat.Gateway.Errors;
using GraphQL;
using GraphQL.Execution;

namespace Chat.Tests.Gateway;

/// <summary>What clients see of errors: stable codes, and nothing of unexpected exceptions.</summary>
public sealed class GatewayErrorInfoProviderTests
{
    private readonly GatewayErrorInfoProvider provider = new();

    [Fact]
    public void GetInfo_WhenUnhandledException_HidesMessageAndStack()
    {
        var error = new UnhandledError("Error trying to resolve field 'me'.", new InvalidOperationException("password=hunter2 at Db.cs:42"));

        var info = provider.GetInfo(error);

        Assert.Equal(GatewayErrorInfoProvider.InternalErrorMessage, info.Message);
        Assert.Equal(ErrorCodes.InternalServerError, info.Extensions!["code"]);
        Assert.DoesNotContain(info.Extensions.Values, value => value?.ToString()?.Contains("hunter2") == true);
        Assert.Single(info.Extensions);
    }

    [Fact]
    public void GetInfo_WhenGatewayError_ExposesCodeAndDetails()
    {
        var error = new GatewayError(ErrorCodes.BadUserInput, "Email taken.", new Dictionary<string, object?> { ["field"] = "email" });

        var info = provider.GetInfo(error);

        Assert.Equal("Email taken.", info.Message);
        Assert.Equal(ErrorCodes.BadUserInput, info.Extensions!["code"]);
        Assert.Equal("email", info.Extensions["field"]);
    }

    [Fact]
    public void GetInfo_WhenPlainExecutionErrorWrapsException_HidesItsMessage()
    {
        var info = provider.GetInfo(new ExecutionError("Db failed: secret", new TimeoutException("secret")));

        Assert.Equal(GatewayErrorInfoProvider.InternalErrorMessage, info.Message);
        Assert.Equal(ErrorCodes.InternalServerError, info.Extensions!["code"]);
    }
}
