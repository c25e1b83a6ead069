using System.Net;
using System.Text;

namespace Chat.Tests.Auth;

[Collection(AuthCollection.Name)]
public sealed class MalformedRequestTests(AuthServiceFixture fixture)
{
    public static TheoryData<string> Environments => ["Development", "Production"];

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task Post_WithMalformedJson_Returns400Problem(string environment)
    {
        var client = ClientFor(environment);

        var response = await client.PostAsync("/auth/register", new StringContent("{\"email\": \"a@b.c\",", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        await AuthApiClient.ReadProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task Post_WithWrongJsonTypes_Returns400Problem(string environment)
    {
        var client = ClientFor(environment);

        var response = await client.PostAsync("/auth/login", new StringContent("{\"email\": 42, \"password\": []}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        await AuthApiClient.ReadProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task Post_WithEmptyBody_Returns400Problem(string environment)
    {
        var client = ClientFor(environment);

        var response = await client.PostAsync("/auth/login", new StringContent("", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        await AuthApiClient.ReadProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task Post_WithWrongContentType_Returns415Problem(string environment)
    {
        var client = ClientFor(environment);

        var response = await client.PostAsync("/auth/login", new StringContent("email=a&password=b", Encoding.UTF8, "application/x-www-form-urlencoded"), TestContext.Current.CancellationToken);

        await AuthApiClient.ReadProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Get_UnknownRoute_Returns404Problem()
    {
        var response = await fixture.Service.CreateClient().GetAsync("/auth/nothing-here", TestContext.Current.CancellationToken);

        await AuthApiClient.ReadProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_OnPostOnlyRoute_Returns405Problem()
    {
        var response = await fixture.Service.CreateClient().GetAsync("/auth/login", TestContext.Current.CancellationToken);

        await AuthApiClient.ReadProblemAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    private HttpClient ClientFor(string environment) => environment == "Development"
        ? fixture.Service.CreateClient()
        : fixture.ProductionModeService.CreateClient();
}
