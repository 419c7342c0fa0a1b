using Coalitions.Core.Kernel;
using PublicApiGenerator;
using Snapshooter.Xunit;

namespace Coalitions.Core.Tests.House;

public class PublicApiTests
{
    [Fact]
    public void The_public_api_changes_only_deliberately()
    {
        var api = typeof(AggregateRoot<>).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        });

        Snapshot.Match(api.ReplaceLineEndings("\n"));
    }
}
