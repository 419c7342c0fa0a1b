using Coalitions.Core.Agreements;
using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;
using Coalitions.Core.Storage;
using Coalitions.Core.Tests.Kit;
using GuideCode;

namespace Coalitions.Core.Tests.Docs;

/// <summary>docs/getting-started.md shows the code of <see cref="GettingStartedGuide"/>, which compiles with these tests and runs here.</summary>
public sealed class GettingStartedGuideTests
{
    [Fact]
    public void The_code_in_the_getting_started_page_is_the_code_these_tests_compile() =>
        GuidePage.AssertShows("docs/getting-started.md", "tests/Coalitions.Core.Tests/Docs/GettingStartedGuide.cs");

    [Fact]
    public async Task The_getting_started_program_founds_elects_decides_polls_signs_stores_and_refuses()
    {
        using var console = new StringWriter();

        var run = await GettingStartedGuide.RunAsync(console);

        // Founded with six members, then a seventh admitted by the steering committee's decision.
        Assert.Equal(CoalitionStatus.Active, run.Coalition.Status);
        Assert.Equal(7, run.Coalition.Members.Count);
        Assert.True(run.Coalition.TryGetMembership(run.Partners[6].Id, out var newcomer));
        Assert.Equal(Memberships.MembershipTier.Full, newcomer.Tier);

        // The STV count: the first candidate's surplus, then the fourth eliminated, elects the first three.
        Assert.Equal([.. run.Partners.Take(3).Select(p => p.Id.ToString()).Order()], run.Elected.Winners.Order());
        Assert.False(run.Elected.TiesBrokenByLot);
        Assert.Equal(PollStatus.Closed, run.Election.Status);
        Assert.Equal(run.Partners.Take(3).Select(p => p.Id).ToHashSet(), run.Governance.SittingMembers("steering-committee", run.Coalition, run.Proposal.Rounds[0].OpenedAt).ToHashSet());

        // The rule book's rule for admitting a member, with the committee as electorate.
        Assert.Equal(DecisionResult.Adopted, run.Outcome.Result);
        Assert.Equal(run.Governance.Rules[MatterType.AdmitMember].Rule, run.Proposal.Rule);
        Assert.Equal(3, run.Proposal.Electorate!.Voters.Count);

        Assert.Equal(["libraries"], run.Themes.Winners);
        Assert.Equal(7, run.Themes.Ballots);

        Assert.Equal(AgreementStatus.InForce, run.Mou.StatusOn(new NodaTime.LocalDate(2026, 3, 9)));
        Assert.Equal(3, run.Mou.Signatures.Count);

        // Everything was saved: the coalition's stream holds its whole history, and the rebuilt copy equals the original.
        var stored = await run.Events.ReadStreamAsync(run.Coalition.StreamName, 1);
        Assert.Equal(run.Coalition.Version, stored.Count);
        Assert.Equal(run.Coalition.Version, run.Rebuilt.Version);
        Assert.Equal(run.Coalition.Members.Count, run.Rebuilt.Members.Count);

        // The refusal named its rule and changed nothing.
        Assert.Contains("decision", run.Refusal, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(run.VersionBeforeRefusal, run.Rebuilt.Version);
        Assert.Empty(run.Rebuilt.UncommittedEvents);
        Assert.Equal(1, run.Rebuilt.CharterVersion);

        var printed = console.ToString();
        Assert.Contains("Learning for All is Active with 6 members.", printed, StringComparison.Ordinal);
        Assert.Contains($"Refused [{ErrorCodes.Coalitions.DecisionRequired.Code}]", printed, StringComparison.Ordinal);
        Assert.Contains("Still version " + run.VersionBeforeRefusal + ", with 0 new events to save.", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_output_shown_on_the_page_is_what_the_program_prints()
    {
        using var console = new StringWriter();
        await GettingStartedGuide.RunAsync(console);

        var page = File.ReadAllText(Path.Combine(Kit.GeneratedFile.RepositoryRoot, "docs/getting-started.md")).ReplaceLineEndings("\n");
        var printed = console.ToString().ReplaceLineEndings("\n").TrimEnd();
        var shown = page[(page.IndexOf("```text\n", StringComparison.Ordinal) + "```text\n".Length)..];
        shown = shown[..shown.IndexOf("```", StringComparison.Ordinal)].TrimEnd();

        Assert.True(shown == printed, "docs/getting-started.md does not show what the program prints:\n" + printed);
    }
}
