namespace Chat.Tests.Infrastructure;

/// <summary>Tests that share one running distributed application (started on first use, stopped at the end).</summary>
[CollectionDefinition(Name)]
public sealed class DistributedAppCollection : ICollectionFixture<DistributedAppFixture>
{
    public const string Name = "distributed app";
}
