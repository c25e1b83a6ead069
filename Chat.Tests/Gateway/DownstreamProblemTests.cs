using System.Net;
using System.Text;
using Chat.Gateway.Errors;
using Chat.Gateway.Services;

namespace Chat.Tests.Gateway;

/// <summary>Problem responses of downstream services become GraphQL errors with stable codes.</summary>
public sealed class DownstreamProblemTests
{
    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, ErrorCodes.Unauthenticated)]
    [InlineData(HttpStatusCode.Forbidden, ErrorCodes.Forbidden)]
    [InlineData(HttpStatusCode.NotFound, ErrorCodes.NotFound)]
    [InlineData(HttpStatusCode.Conflict, ErrorCodes.BadUserInput)]
    [InlineData(HttpStatusCode.UnprocessableEntity, ErrorCodes.BadUserInput)]
    [InlineData(HttpStatusCode.TooManyRequests, ErrorCodes.RateLimited)]
    [InlineData(HttpStatusCode.InternalServerError, ErrorCodes.ServiceUnavailable)]
    [InlineData(HttpStatusCode.ServiceUnavailable, ErrorCodes.ServiceUnavailable)]
    public async Task ToGatewayError_MapsStatusToCode(HttpStatusCode status, string expectedCode)
    {
        using var response = Problem(status, """{"title":"t","detail":"Something specific."}""");

        var error = await DownstreamProblem.ToGatewayErrorAsync(response, "auth", TestContext.Current.CancellationToken);

        Assert.Equal(expectedCode, error.Code);
    }

    [Fact]
    public async Task ToGatewayError_WhenValidationProblem_KeepsFieldErrorsInExtensions()
    {
        using var response = Problem(HttpStatusCode.BadRequest,
            """{"title":"One or more validation errors occurred.","status":400,"errors":{"Email":["Email is not valid."],"password":["Too short.","Needs a digit."]}}""");

        var error = await DownstreamProblem.ToGatewayErrorAsync(response, "auth", TestContext.Current.CancellationToken);

        Assert.Equal(ErrorCodes.BadUserInput, error.Code);
        // The title says nothing a client can act on; the messages do.
        Assert.Equal("Email is not valid. Too short. Needs a digit.", error.Message);
        var fieldErrors = Assert.IsType<Dictionary<string, string[]>>(error.Details["fieldErrors"]);
        Assert.Equal(["Email is not valid."], fieldErrors["email"]);
        Assert.Equal(["Too short.", "Needs a digit."], fieldErrors["password"]);
    }

    [Fact]
    public async Task ToGatewayError_WhenConflictNamesField_PutsFieldInExtensions()
    {
        using var response = Problem(HttpStatusCode.Conflict,
            """{"title":"Conflict","status":409,"detail":"An account with this email already exists.","field":"email"}""");

        var error = await DownstreamProblem.ToGatewayErrorAsync(response, "auth", TestContext.Current.CancellationToken);

        Assert.Equal(ErrorCodes.BadUserInput, error.Code);
        Assert.Equal("An account with this email already exists.", error.Message);
        Assert.Equal("email", error.Details["field"]);
    }

    [Fact]
    public async Task ToGatewayError_When401SaysTheTokenExpired_PassesTheReasonOn()
    {
        using var response = Problem(HttpStatusCode.Unauthorized,
            """{"status":401,"detail":"The access token expired: refresh it and retry.","reason":"TOKEN_EXPIRED"}""");

        var error = await DownstreamProblem.ToGatewayErrorAsync(response, "messaging", TestContext.Current.CancellationToken);

        Assert.Equal(ErrorCodes.Unauthenticated, error.Code);
        Assert.Equal("TOKEN_EXPIRED", error.Details["reason"]);
    }

    [Theory]
    [InlineData("limit", "limit must be between 1 and 100.", "first", "first must be between 1 and 100.")]
    [InlineData("cursor", "The cursor is not valid.", "after", "The cursor is not valid.")]
    [InlineData("q", "q must be 1 to 200 characters.", "query", "query must be 1 to 200 characters.")]
    public async Task ToGatewayError_WithTheCallsArgumentNames_SpeaksOfGraphQLArguments(
        string restName, string restMessage, string argument, string expectedMessage)
    {
        using var response = Problem(HttpStatusCode.BadRequest,
            $$$"""{"title":"Invalid input","status":400,"detail":"{{{restMessage}}}","field":"{{{restName}}}","errors":{"{{{restName}}}":["{{{restMessage}}}"]}}""");

        var error = await DownstreamProblem.ToGatewayErrorAsync(response, "messaging", TestContext.Current.CancellationToken, ArgumentNames.Search);

        Assert.Equal(ErrorCodes.BadUserInput, error.Code);
        Assert.Equal(expectedMessage, error.Message);
        Assert.Equal(argument, error.Details["field"]);
        var fieldErrors = Assert.IsType<Dictionary<string, string[]>>(error.Details["fieldErrors"]);
        Assert.Equal([expectedMessage], Assert.Single(fieldErrors, entry => entry.Key == argument).Value);
    }

    [Fact]
    public async Task ToGatewayError_WithoutArgumentNames_KeepsTheServicesNames()
    {
        using var response = Problem(HttpStatusCode.BadRequest,
            """{"title":"Invalid input","status":400,"detail":"limit must be between 1 and 100.","field":"limit"}""");

        var error = await DownstreamProblem.ToGatewayErrorAsync(response, "messaging", TestContext.Current.CancellationToken);

        Assert.Equal("limit", error.Details["field"]);
        Assert.Equal("limit must be between 1 and 100.", error.Message);
    }

    [Fact]
    public async Task ToGatewayError_RenamesOnlyALeadingParameterName()
    {
        using var response = Problem(HttpStatusCode.BadRequest,
            """{"title":"Invalid input","status":400,"detail":"A limit of q characters","field":"q"}""");

        var error = await DownstreamProblem.ToGatewayErrorAsync(response, "messaging", TestContext.Current.CancellationToken, ArgumentNames.Search);

        Assert.Equal("A limit of q characters", error.Message);
        Assert.Equal("query", error.Details["field"]);
    }

    [Fact]
    public async Task ToGatewayError_WhenServerError_DoesNotRepeatItsDetail()
    {
        using var response = Problem(HttpStatusCode.InternalServerError, """{"detail":"NpgsqlException: connection reset at 10.0.0.3"}""");

        var error = await DownstreamProblem.ToGatewayErrorAsync(response, "auth", TestContext.Current.CancellationToken);

        Assert.DoesNotContain("Npgsql", error.Message);
    }

    [Fact]
    public async Task ToGatewayError_WhenBodyIsNotJson_UsesStatusAlone()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent("<html>denied</html>") };

        var error = await DownstreamProblem.ToGatewayErrorAsync(response, "auth", TestContext.Current.CancellationToken);

        Assert.Equal(ErrorCodes.Forbidden, error.Code);
    }

    private static HttpResponseMessage Problem(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/problem+json") };
}
