using Chat.SchemaRegistry.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Tests.Infrastructure;

/// <summary>
/// The real Chat.SchemaRegistry listening on a free TCP port (Kestrel, not TestServer), so Confluent's client talks
/// to it over HTTP exactly as it would to a Confluent registry. Each instance owns a data directory unless given one.
/// </summary>
public sealed class RegistryServer : IAsyncDisposable
{
    private readonly WebApplicationFactory<SchemaStore> factory;
    private readonly bool ownsDataDirectory;

    private RegistryServer(string dataDirectory, bool ownsDataDirectory)
    {
        DataDirectory = dataDirectory;
        this.ownsDataDirectory = ownsDataDirectory;
        factory = new WebApplicationFactory<SchemaStore>().WithWebHostBuilder(builder => builder
            .UseSetting("SchemaRegistry:DataDirectory", dataDirectory)
            .UseSetting("Logging:LogLevel:Default", "Warning")
            // Port 0: the OS picks a free port, so parallel tests never collide; the address is read back below.
            .UseUrls("http://127.0.0.1:0"));
        factory.UseKestrel();
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        Url = addresses.Addresses.First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1");
        Http = new HttpClient { BaseAddress = new Uri(Url) };
    }

    public string Url { get; }

    public string DataDirectory { get; }

    /// <summary>A plain HTTP client on the real port, for the REST shapes Confluent's client hides.</summary>
    public HttpClient Http { get; }

    public static RegistryServer Start() =>
        new(Directory.CreateTempSubdirectory("chat-registry-").FullName, ownsDataDirectory: true);

    /// <summary>Starts on an existing data directory (e.g. after a restart); the caller keeps ownership of it.</summary>
    public static RegistryServer StartOn(string dataDirectory) => new(dataDirectory, ownsDataDirectory: false);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await factory.DisposeAsync();
        if (ownsDataDirectory)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
