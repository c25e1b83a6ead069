using Chat.Tests.Eventing.Infrastructure;

[assembly: AssemblyFixture(typeof(PostgresServer))]
