using Chat.ServiceDefaults;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Auth;

/// <summary>
/// One PostgreSQL server for every Auth test, and one shared Auth service on it. Tests that change global state
/// (signing keys, rate limits, restarts) create their own service on their own database with <see cref="CreateServiceAsync"/>.
/// </summary>
public sealed class AuthServiceFixture : IAsyncLifetime
{
    /// <summary>
    /// Generous per-IP limit (every test client shares one address), small per-account limit, and a call budget
    /// that leaves room for bcrypt on a test machine running the whole suite: with the production budget a hash that
    /// waits over 1 s for a core is shed as 503 busy, which PasswordHashingLoadTests proves on a service of its own.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> DefaultSettings = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Warning",
        ["CallBudget:AttemptTimeout"] = "00:00:10",
        ["CallBudget:TotalTimeout"] = "00:00:12",
        ["Auth:LoginRateLimit:PerIpPermitLimit"] = "100000",
        ["Auth:LoginRateLimit:PerAccountPermitLimit"] = "8",
        ["Auth:LoginRateLimit:PerAccountWindow"] = "00:05:00",
    };

    private readonly List<AuthApplicationFactory> _factories = [];
    private readonly Lazy<AuthApplicationFactory> _productionMode;
    private PostgresServer? _postgres;
    private KafkaMockCluster? _kafka;
    private RegistryServer? _registry;

    public AuthServiceFixture() =>
        _productionMode = new Lazy<AuthApplicationFactory>(() => CreateService("auth_production_mode", environment: "Production"));

    public PostgresServer Postgres => _postgres ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>Where Auth's outbox publishes <c>user.registered</c>.</summary>
    public KafkaMockCluster Kafka => _kafka ?? throw new InvalidOperationException("Not initialized.");

    public AuthApplicationFactory Service { get; private set; } = null!;

    /// <summary>The service as it runs in production: bad requests are answered by the framework, not thrown.</summary>
    public AuthApplicationFactory ProductionModeService => _productionMode.Value;

    public async ValueTask InitializeAsync()
    {
        _postgres = await PostgresServer.StartAsync();
        _kafka = new KafkaMockCluster();
        _registry = RegistryServer.Start();
        Service = CreateService("auth_shared");
        _ = Service.Server;
    }

    /// <summary>A service on <paramref name="database"/> (created by its migrations if missing), disposed with the fixture.</summary>
    public AuthApplicationFactory CreateService(
        string database, IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development")
    {
        var merged = new Dictionary<string, string?>(DefaultSettings)
        {
            [$"ConnectionStrings:{ResourceNames.Kafka}"] = Kafka.BootstrapServers,
            [$"ConnectionStrings:{ResourceNames.SchemaRegistry}"] = _registry!.Url,
            ["Kafka:Schemas:AutoRegister"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        var factory = new AuthApplicationFactory(Postgres.ConnectionString(database), merged, environment);
        lock (_factories)
        {
            _factories.Add(factory);
        }

        return factory;
    }

    public static string NewDatabaseName() => "auth_" + Guid.NewGuid().ToString("N")[..12];

    public async ValueTask DisposeAsync()
    {
        foreach (var factory in _factories)
        {
            await factory.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }

        _kafka?.Dispose();
    }
}
