using Coalitions.Core.Decisions;
using Coalitions.Core.Initiatives;
using Coalitions.Core.Kernel;
using Coalitions.Core.Resources;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.JointWorkScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Initiatives;

/// <summary>A stored initiative is untrusted: each step its lifecycle does not allow is refused with its reason.</summary>
public class InitiativeHistoryTests
{
    private static readonly global::Coalitions.Core.Coalitions.Coalition TheCoalitionOfSix = Coalition();
    private static readonly Instant April = OnDate(2026, 4, 2);

    private static List<IDomainEvent> Stored(Initiative initiative) => [.. initiative.DequeueUncommittedEvents()];

    private static List<IDomainEvent> Proposal() => Stored(Proposed(TheCoalitionOfSix));

    private static List<IDomainEvent> Approved() => [.. Proposal(), new InitiativeApproved(TheInitiative, Adopted(MatterType.ApproveJointProject), Start, Secretariat)];

    private static List<IDomainEvent> UnderWay() => Stored(Active(TheCoalitionOfSix));

    private static List<IDomainEvent> Suspended() => [.. UnderWay(), new InitiativeSuspended(TheInitiative, new LocalDate(2026, 4, 2), "Schools closed.", April, Secretariat)];

    private static List<IDomainEvent> Completed() => [.. UnderWay(), new InitiativeCompleted(TheInitiative, new LocalDate(2026, 4, 2), April, For(1))];

    private static List<IDomainEvent> Cancelled() => [.. Proposal(), new InitiativeCancelled(TheInitiative, new LocalDate(2026, 3, 2), "Schools closed.", null, Start, For(1))];

    private static void Corrupt(List<IDomainEvent> history, string why, params IDomainEvent[] next) => StoredHistory.Refused(Initiative.Rehydrate, history, why, next);

    private static MilestoneReached Reached(string key = "baseline") => new(TheInitiative, new ReachedMilestone(new MilestoneKey(key), new LocalDate(2026, 4, 2), null), April, For(1));

    [Fact]
    public void A_stored_initiative_is_proposed_with_a_whole_plan_in_a_known_time_zone()
    {
        var proposed = (InitiativeProposed)Proposal()[0];

        Corrupt([], "the plan is ill-formed or its time zone unknown.", proposed with { TimeZone = "Mars/Olympus_Mons" });
        Corrupt([], "the plan is ill-formed or its time zone unknown.", proposed with { Plan = Plan() with { Title = " " } });
        Assert.Equal("Africa/Nairobi", Initiative.Rehydrate([proposed]).TimeZone.Id);
    }

    [Fact]
    public void A_stored_revision_is_of_a_proposed_initiative_and_keeps_its_lead_and_coalition()
    {
        var revised = new InitiativeRevised(TheInitiative, Plan() with { Title = "Reading camps and clubs" }, Start, For(1));

        Corrupt(Approved(), "only a proposed initiative is revised.", revised);
        Corrupt(Proposal(), "the revised plan is ill-formed or changes the lead or coalition.", revised with { Plan = Plan() with { Lead = Partner(2) } });
        Corrupt(Proposal(), "the revised plan is ill-formed or changes the lead or coalition.", revised with { Plan = Plan() with { Coalition = CoalitionId.New() } });
        Corrupt(Proposal(), "the revised plan is ill-formed or changes the lead or coalition.", revised with { Plan = Plan() with { Title = " " } });
        Assert.Equal("Reading camps and clubs", Initiative.Rehydrate([.. Proposal(), revised]).Title);
    }

    [Fact]
    public void A_stored_initiative_is_approved_once_while_proposed_and_starts_once_approved()
    {
        var approved = new InitiativeApproved(TheInitiative, Adopted(MatterType.ApproveJointProject), Start, Secretariat);
        var started = new InitiativeStarted(TheInitiative, new LocalDate(2026, 4, 1), OnDate(2026, 4, 1), For(1));

        Corrupt(Approved(), "only a proposed initiative is approved.", approved);
        Corrupt(UnderWay(), "only an approved initiative starts.", started);
        Assert.Equal(InitiativeStatus.Active, Initiative.Rehydrate([.. Approved(), started]).Status);
    }

    [Fact]
    public void A_stored_milestone_is_one_of_the_plans_reached_once_while_the_initiative_is_active()
    {
        Corrupt(Approved(), "milestones are reached while the initiative is active.", Reached());
        Corrupt(Suspended(), "milestones are reached while the initiative is active.", Reached());
        Corrupt(UnderWay(), "the milestone is not in the plan, or already reached.", Reached("party"));
        Corrupt(UnderWay(), "the milestone is not in the plan, or already reached.", Reached(), Reached());
        Assert.Equal(2, Initiative.Rehydrate([.. UnderWay(), Reached(), Reached("camps")]).Reached.Count);
    }

    [Fact]
    public void A_stored_initiative_is_suspended_while_active_resumed_while_suspended_and_completed_while_active()
    {
        var suspended = new InitiativeSuspended(TheInitiative, new LocalDate(2026, 4, 2), "Schools closed.", April, Secretariat);
        var resumed = new InitiativeResumed(TheInitiative, new LocalDate(2026, 4, 3), April, Secretariat);
        var completed = new InitiativeCompleted(TheInitiative, new LocalDate(2026, 4, 2), April, For(1));

        Corrupt(Approved(), "only an active initiative is suspended.", suspended);
        Corrupt(Suspended(), "only an active initiative is suspended.", suspended);
        Corrupt(UnderWay(), "only a suspended initiative resumes.", resumed);
        Corrupt(Suspended(), "only an active initiative is completed.", completed);
        Corrupt(Approved(), "only an active initiative is completed.", completed);
        Assert.Equal(InitiativeStatus.Completed, Initiative.Rehydrate([.. Suspended(), resumed, completed]).Status);
    }

    [Fact]
    public void A_stored_initiative_that_ended_is_not_cancelled_and_takes_no_contributions()
    {
        var cancelled = new InitiativeCancelled(TheInitiative, new LocalDate(2026, 4, 2), "Schools closed.", Adopted(MatterType.ApproveJointProject), April, Secretariat);
        var linked = new ContributionLinked(TheInitiative, new PartnerContribution(Partner(3), "Storybooks", [PledgeNumber(1)]), April, For(3));

        Corrupt(Completed(), "the initiative has ended.", cancelled);
        Corrupt(Cancelled(), "the initiative has ended.", cancelled);
        Corrupt(Completed(), "the initiative has ended.", linked);
        Corrupt(Cancelled(), "the initiative has ended.", linked);
        Corrupt(UnderWay(), "the contribution is not by a partner.", linked with { Contribution = linked.Contribution with { Partner = Partner(6) } });
        Assert.Equal(InitiativeStatus.Cancelled, Initiative.Rehydrate([.. Suspended(), linked, cancelled]).Status);
    }
}
