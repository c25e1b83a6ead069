using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Chat.Auth.Endpoints.Contracts;

namespace Chat.Tests.Auth;

/// <summary>Calls the Auth service's HTTP API the way the gateway does.</summary>
public sealed class AuthApiClient(HttpClient http)
{
    public HttpClient Http => http;

    /// <summary>A fresh unique account, so no test depends on another's users.</summary>
    public static (string Email, string Username, string Password) NewCredentials()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        return ($"user-{id}@example.test", $"user_{id}", $"pw-{id}!");
    }

    public Task<HttpResponseMessage> RegisterAsync(string? email, string? username, string? password) =>
        http.PostAsJsonAsync("/auth/register", new { email, username, password });

    public Task<HttpResponseMessage> LoginAsync(string? email, string? password) =>
        http.PostAsJsonAsync("/auth/login", new { email, password });

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        http.PostAsJsonAsync("/auth/refresh", new { refreshToken });

    public Task<HttpResponseMessage> LogoutAsync(string? accessToken, string refreshToken) =>
        SendAsync(HttpMethod.Post, "/auth/logout", accessToken, new { refreshToken });

    public Task<HttpResponseMessage> MeAsync(string? accessToken) => SendAsync(HttpMethod.Get, "/auth/me", accessToken);

    public Task<HttpResponseMessage> ValidateAsync(string? accessToken) => SendAsync(HttpMethod.Post, "/auth/validate", accessToken);

    public Task<HttpResponseMessage> LookupAsync(string? accessToken, IEnumerable<Guid> ids) =>
        SendAsync(HttpMethod.Post, "/auth/users/lookup", accessToken, new { ids });

    public async Task<AuthResult> RegisterNewUserAsync()
    {
        var (email, username, password) = NewCredentials();
        return await ReadAsync<AuthResult>(await RegisterAsync(email, username, password), HttpStatusCode.Created);
    }

    public async Task<JsonElement> JwksAsync() =>
        await ReadAsync<JsonElement>(await http.GetAsync("/.well-known/jwks.json"), HttpStatusCode.OK);

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? accessToken, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return http.SendAsync(request);
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, JsonSerializerOptions.Web)!;
    }

    /// <summary>Asserts an RFC 7807 answer with <paramref name="expected"/> status and returns its body.</summary>
    public static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonElement>(text);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
