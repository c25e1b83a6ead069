using Chat.Auth;
using Chat.ServiceDefaults;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Chat.Tests.Auth;

/// <summary>The real Auth service in-process, on its own database of the test server, with extra settings.</summary>
public sealed class AuthApplicationFactory(
    string connectionString, IReadOnlyDictionary<string, string?> settings, string environment) : WebApplicationFactory<AuthApiMarker>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting($"ConnectionStrings:{ResourceNames.AuthDb}", connectionString);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
