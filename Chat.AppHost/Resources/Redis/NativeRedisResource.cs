namespace Chat.AppHost.Resources.Redis;

/// <summary>
/// A redis-server run from the machine's own binary with append-only-file persistence, so presence and caches
/// survive a restart: Aspire's <c>RedisResource</c> for machines without Docker.
/// </summary>
public sealed class NativeRedisResource(string name, string command, string dataDirectory, ParameterResource password)
    : ExecutableResource(name, command, dataDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    private EndpointReference? _primaryEndpoint;

    public EndpointReference PrimaryEndpoint => _primaryEndpoint ??= new(this, EndpointName);

    public string DataDirectory => WorkingDirectory;

    public ParameterResource Password => password;

    /// <summary>StackExchange.Redis' format, as Aspire.StackExchange.Redis reads it.</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)},password={Password}");
}
