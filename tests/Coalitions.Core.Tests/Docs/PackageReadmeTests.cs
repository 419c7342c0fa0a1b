using Coalitions.Core.Decisions;
using Coalitions.Core.Tests.Kit;

namespace Coalitions.Core.Tests.Docs;

/// <summary>The package README's first example runs and says what the README says it says.</summary>
public class PackageReadmeTests
{
    [Fact]
    public void The_first_example_adopts_by_two_thirds_and_refuses_a_ballot_cast_by_another_members_delegate()
    {
        using var console = new StringWriter();

        var (outcome, refusal) = PackageReadme.FirstExample(console);

        Assert.Equal(DecisionResult.Adopted, outcome.Result);
        Assert.NotEmpty(refusal);
        var printed = console.ToString();
        Assert.Contains(refusal, printed, StringComparison.Ordinal);
        Assert.Contains(outcome.Explain(DecisionRule.TwoThirdsMajority().WithQuorum(QuorumRule.OfMembers(Core.Kernel.Fraction.Half))), printed, StringComparison.Ordinal);
        Assert.Contains("Admit Community Libraries: Adopted, rebuilt from 7 events.", printed, StringComparison.Ordinal);
        foreach (var readme in new[] { "src/Coalitions.Core/PACKAGE.md", "README.md" })
        {
            var shown = File.ReadAllText(Path.Combine(GeneratedFile.RepositoryRoot, readme)).ReplaceLineEndings("\n");
            Assert.Contains(printed[printed.IndexOf("Adopted.", StringComparison.Ordinal)..].ReplaceLineEndings("\n"), shown, StringComparison.Ordinal);
        }
    }
}
