namespace Chat.AppHost.Resources.Postgres;

/// <summary>
/// A PostgreSQL server run from the machine's own binaries (no container engine needed), with its own data
/// directory: Aspire's <c>PostgresServerResource</c> for machines without Docker. DCP starts, stops and watches
/// the postmaster and proxies <see cref="PrimaryEndpoint"/> to the port it passes in <c>PGPORT</c>.
/// </summary>
public sealed class NativePostgresServerResource(string name, string command, string dataDirectory, ParameterResource password)
    : ExecutableResource(name, command, dataDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";
    public const string SuperUser = "postgres";

    private EndpointReference? _primaryEndpoint;

    public EndpointReference PrimaryEndpoint => _primaryEndpoint ??= new(this, EndpointName);

    public string DataDirectory => WorkingDirectory;

    public ParameterResource Password => password;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={SuperUser};Password={Password}");
}
