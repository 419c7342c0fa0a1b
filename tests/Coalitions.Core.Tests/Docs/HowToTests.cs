using Coalitions.Core.Agreements;
using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using Coalitions.Core.Partners;
using Coalitions.Core.Tests.Kit;
using GuideCode;

namespace Coalitions.Core.Tests.Docs;

/// <summary>
/// The pages of docs/how-to/ show the code of the HowTo*.cs files beside this one, which compile with these tests and
/// run here on a fresh copy of the coalition that docs/getting-started.md builds (the objects the answers start from).
/// </summary>
public sealed class HowToTests
{
    [Theory]
    [InlineData("partners-and-membership", "HowToMembership")]
    [InlineData("governance", "HowToGovernance")]
    [InlineData("decisions", "HowToDecisions")]
    [InlineData("polls", "HowToPolls")]
    [InlineData("agreements", "HowToAgreements")]
    public void Each_how_to_page_shows_the_code_that_these_tests_compile(string page, string source) =>
        GuidePage.AssertShows($"docs/how-to/{page}.md", $"tests/Coalitions.Core.Tests/Docs/{source}.cs");

    [Fact]
    public async Task A_partner_changes_its_profile_and_names_a_second_delegate()
    {
        var run = await Started();
        var partners = run.Partners.ToList();

        HowToMembership.ChangeProfileAndDelegates(partners, run.Coalition);

        Assert.Contains("teacher training", partners[0].Profile.FocusAreas);
        Assert.Equal(2, partners[0].Representatives.Count);
        Assert.True(run.Coalition.TryGetMembership(partners[0].Id, out var membership));
        Assert.Equal(2, membership.Delegates.Count);
    }

    [Fact]
    public async Task A_candidate_is_ranked_with_a_reason_for_every_point()
    {
        var run = await Started();
        using var console = new StringWriter();

        var ranked = HowToMembership.RankCandidates([.. run.Partners], console);

        var radio = Assert.Single(ranked);
        Assert.Equal("Radio Pwani", radio.Name);
        Assert.True(radio.Score > 0);
        Assert.Contains("media outreach", console.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_suspended_by_decision_may_no_longer_vote()
    {
        var run = await Started();
        using var console = new StringWriter();

        var vote = HowToMembership.Suspend(console, [.. run.Partners], run.Coalition, run.Governance, run.CoordinatorPerson, run.Coordinator, DelegateOf);

        Assert.True(vote.Has(ErrorCodes.Membership.RightNotHeld));
        Assert.True(run.Coalition.TryGetMembership(run.Partners[4].Id, out var membership));
        Assert.Equal(MembershipStatus.Suspended, membership.StatusOn(new NodaTime.LocalDate(2026, 3, 17)));
        Assert.Contains(vote.Failures[0].Message, console.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_membership_lapses_after_its_term_and_grace_unless_renewed()
    {
        var run = await Started();

        var (now, later, renewed) = HowToMembership.Terms([.. run.Partners], run.Coalition, run.Coordinator);

        Assert.Equal(MembershipStatus.Active, now);
        Assert.Equal(MembershipStatus.Lapsed, later);
        Assert.Equal(MembershipStatus.Active, renewed);
    }

    [Fact]
    public async Task The_rule_book_is_listed_matter_by_matter()
    {
        var run = await Started();
        using var console = new StringWriter();

        HowToGovernance.ReadTheRuleBook(run.Governance, console);

        var lines = console.ToString().ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.Equal(run.Governance.Rules.Count, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("AdmitMember: Steering committee; ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_vacant_seat_is_filled_by_an_interim_appointment()
    {
        var run = await Started();
        using var console = new StringWriter();

        var holding = HowToGovernance.FillAVacancy([.. run.Partners], run.Coalition, run.Governance, run.Coordinator, console);

        Assert.True(holding.Interim);
        Assert.Equal(run.Partners[5].Id, holding.Holder);
        var sitting = run.Governance.SittingMembers("steering-committee", run.Coalition, NodaTime.Instant.FromUtc(2026, 6, 2, 9, 0));
        Assert.Equal(3, sitting.Count);
        Assert.Contains(run.Partners[5].Id, sitting);
        Assert.Contains("Coast FM holds seat 3 from 1 June 2026", console.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chair_rotates_among_the_committee()
    {
        var run = await Started();

        var chair = HowToGovernance.RotateTheChair([.. run.Partners], run.Coalition, run.Governance, run.Coordinator);

        Assert.Contains(chair, run.Partners.Take(3).Select(p => p.Id));
    }

    [Fact]
    public async Task A_silence_procedure_is_closed_by_the_scheduler_at_its_deadline()
    {
        var run = await Started();

        var (early, outcome) = HowToDecisions.Silence([.. run.Partners], run.Coalition, run.CoordinatorPerson, run.Coordinator, DelegateOf);

        Assert.False(early.IsAllowed);
        Assert.Equal(DecisionResult.Adopted, outcome.Result);
    }

    [Fact]
    public async Task A_preview_of_a_blocked_consensus_explains_itself()
    {
        var run = await Started();
        using var console = new StringWriter();

        var outcome = HowToDecisions.Preview([.. run.Partners], run.Coalition, console);

        Assert.Equal(DecisionResult.Blocked, outcome.Result);
        Assert.Contains("three quarters", console.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_adopted_admission_authorizes_admitting_a_member_and_nothing_else()
    {
        var run = await Started();

        Assert.True(HowToDecisions.ActOnADecision(run.Proposal, run.Coalition));
        Assert.False(run.Proposal.Reference!.Authorizes(run.Coalition.Id, MatterType.ExpelMember));
    }

    [Fact]
    public async Task The_meeting_time_poll_finds_the_slot_everyone_can_make()
    {
        var run = await Started();
        using var console = new StringWriter();

        var result = HowToPolls.MeetingTime([.. run.Partners], run.Coalition, run.CoordinatorPerson, run.Coordinator, DelegateOf, console);

        Assert.Equal(["thu"], result.Winners);
    }

    [Fact]
    public async Task An_anonymous_ranked_choice_poll_hides_its_results_until_it_closes()
    {
        var run = await Started();
        using var console = new StringWriter();

        var (hidden, final) = HowToPolls.SecretRankedChoice([.. run.Partners], run.Coalition, run.CoordinatorPerson, run.Coordinator, DelegateOf, console);

        Assert.NotEmpty(hidden);
        Assert.Equal(["books"], final.Winners);
        Assert.Equal(2, final.Rounds.Count);
    }

    [Fact]
    public async Task A_commitment_delivered_is_met()
    {
        var run = await Started();
        using var console = new StringWriter();

        var standing = HowToAgreements.Commitments(run.Mou, [.. run.Partners], DelegateOf, console);

        Assert.Equal(CommitmentStatus.Met, Assert.Single(standing).Status);
    }

    [Fact]
    public async Task An_amendment_signed_by_every_party_is_the_version_in_force()
    {
        var run = await Started();
        using var console = new StringWriter();

        var changes = HowToAgreements.Amend(run.Mou, [.. run.Partners], DelegateOf, console);

        Assert.Equal(2, run.Mou.InForce!.Number);
        Assert.Contains(changes, c => c.Key == "data" && c.Change == ClauseChangeKind.Added);
    }

    private static Task<GettingStartedRun> Started() => GettingStartedGuide.RunAsync(TextWriter.Null);

    private static Actor DelegateOf(Partner partner) => Actor.Representing(partner.Representatives.First().Person, partner.Id);
}
