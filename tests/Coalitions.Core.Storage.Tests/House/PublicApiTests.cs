using Coalitions.Core.PostgreSql;
using Coalitions.Core.Sqlite;
using PublicApiGenerator;
using Snapshooter.Xunit;

namespace Coalitions.Core.Storage.Tests.House;

public class PublicApiTests
{
    private static readonly ApiGeneratorOptions Options = new()
    {
        ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
    };

    [Fact]
    public void The_public_api_of_the_sqlite_package_changes_only_deliberately() =>
        Snapshot.Match(typeof(SqliteEventStore).Assembly.GeneratePublicApi(Options).ReplaceLineEndings("\n"));

    [Fact]
    public void The_public_api_of_the_postgresql_package_changes_only_deliberately() =>
        Snapshot.Match(typeof(PostgreSqlEventStore).Assembly.GeneratePublicApi(Options).ReplaceLineEndings("\n"));
}
