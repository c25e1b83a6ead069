namespace Chat.Tests.Auth;

[CollectionDefinition(Name)]
public sealed class AuthCollection : ICollectionFixture<AuthServiceFixture>
{
    public const string Name = "Auth service";
}
