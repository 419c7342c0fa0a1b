using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Tests.Kit;
using GuideCode;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Docs;

/// <summary>docs/governance.md shows the code of <see cref="GovernanceGuide"/>, which runs here.</summary>
public class GovernanceGuideTests
{
    [Fact]
    public void The_guide_establishes_the_template_seats_a_member_rotates_the_chair_and_drafts_under_the_rule_book()
    {
        var coalition = GovernanceScenario.NineMembers();

        var (governance, chair, draft, electorate) = GovernanceGuide.Establish(
            coalition, CoalitionScenario.Secretariat, Start, GovernanceScenario.Day(2026, 3, 2), GovernanceScenario.Candidate(2),
            [Partner(2), Partner(3)], "Admit a member", "The member joins.", Partner(1), [Chair], []);

        Assert.Equal(Partner(2), chair);
        Assert.Contains(Partner(2), governance.SittingMembers("steering-committee", coalition, Start));
        Assert.Equal(MatterType.AdmitMember, draft.Matter);
        Assert.Equal(governance.Rules[MatterType.AdmitMember].Rule, draft.Rule);
        Assert.Contains(electorate.Voters, v => v.Partner == Partner(2));
    }
}
