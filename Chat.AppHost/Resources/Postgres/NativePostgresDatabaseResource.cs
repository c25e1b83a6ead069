namespace Chat.AppHost.Resources.Postgres;

/// <summary>
/// One service's database on a <see cref="NativePostgresServerResource"/>, like Aspire's <c>AddDatabase</c>: the
/// resource services reference (<c>ConnectionStrings:auth-db</c>). The service's migrations create it.
/// </summary>
public sealed class NativePostgresDatabaseResource(string name, string databaseName, NativePostgresServerResource parent)
    : Resource(name), IResourceWithParent<NativePostgresServerResource>, IResourceWithConnectionString
{
    public NativePostgresServerResource Parent => parent;

    public string DatabaseName => databaseName;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}
