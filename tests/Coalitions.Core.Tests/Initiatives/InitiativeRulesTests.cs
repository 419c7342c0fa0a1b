using Coalitions.Core.Decisions;
using Coalitions.Core.Initiatives;
using Coalitions.Core.Kernel;
using Coalitions.Core.Resources;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using NodaTime.Calendars;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.JointWorkScenario;
using static Coalitions.Core.Tests.Kit.Scenario;
using CoalitionAggregate = global::Coalitions.Core.Coalitions.Coalition;

namespace Coalitions.Core.Tests.Initiatives;

/// <summary>The bounds of an initiative's plan, the days its steps are dated on, and what each step keeps and refuses.</summary>
public class InitiativeRulesTests
{
    private readonly CoalitionAggregate _coalition = Coalition();

    private Initiative Proposing(InitiativePlan plan) => Initiative.Propose(TheInitiative, plan, _coalition, For(1), Start);

    private void RefusedPlan(InitiativePlan plan, ErrorCode code, string? words = null) => Refusal.Of(() => Proposing(plan), code, words);

    private static InitiativePartner Outsider(int n) => new(Partner(n), $"Partner {n}", [PartnerRole.Funding], Outside: true);

    private static Milestone Step(int n) => new(new MilestoneKey($"step-{n}"), $"Step {n}", new LocalDate(2026, 6, 30));

    private static BudgetLine Line(int n) => new(new BudgetLineKey($"line-{n}"), $"Line {n}", Partner(3), Kes(100m), April, new LocalDate(2026, 12, 31));

    [Fact]
    public void An_initiative_has_one_to_a_hundred_partners_each_named_once()
    {
        var plan = Plan();

        RefusedPlan(plan with { Partners = [] }, ErrorCodes.Initiatives.InvalidPlan, "An initiative has one to 100 partners.");
        RefusedPlan(plan with { Partners = [.. plan.Partners, .. Enumerable.Range(100, 97).Select(Outsider)] }, ErrorCodes.Initiatives.InvalidPlan, "An initiative has one to 100 partners.");
        RefusedPlan(plan with { Partners = [.. plan.Partners, plan.Partners[1] with { Name = "Member 2 again" }] }, ErrorCodes.Initiatives.InvalidPlan, "Each partner is named once, with all its roles.");

        Assert.Equal(100, Proposing(plan with { Partners = [.. plan.Partners, .. Enumerable.Range(100, 96).Select(Outsider)] }).Plan.Partners.Count);
    }

    [Fact]
    public void A_partner_plays_one_to_four_roles_each_once()
    {
        var plan = Plan();
        InitiativePlan WithRoles(params PartnerRole[] roles) => plan with { Partners = [plan.Partners[0], plan.Partners[1] with { Roles = roles }, .. plan.Partners.Skip(2)] };

        RefusedPlan(WithRoles(), ErrorCodes.Initiatives.InvalidPlan, "A partner plays one to four roles, each once.");
        RefusedPlan(WithRoles(PartnerRole.Implementing, PartnerRole.Implementing), ErrorCodes.Initiatives.InvalidPlan, "A partner plays one to four roles, each once.");
        RefusedPlan(WithRoles(PartnerRole.Implementing, 0), ErrorCodes.Initiatives.InvalidPlan, "A partner plays one to four roles, each once.");
        RefusedPlan(WithRoles(PartnerRole.Implementing, PartnerRole.Funding, PartnerRole.Extending, PartnerRole.Accountable, (PartnerRole)5), ErrorCodes.Initiatives.InvalidPlan);

        var all = Proposing(WithRoles(PartnerRole.Implementing, PartnerRole.Funding, PartnerRole.Extending, PartnerRole.Accountable));
        Assert.True(all.Plays(Partner(2), PartnerRole.Extending) && all.Plays(Partner(2), PartnerRole.Funding));
        Assert.False(all.Plays(Partner(3), PartnerRole.Implementing));
        Assert.False(all.Plays(Partner(9), PartnerRole.Funding));
    }

    [Fact]
    public void The_planned_end_is_on_or_after_the_planned_start_and_at_most_a_hundred_years_later()
    {
        var plan = Plan();

        RefusedPlan(plan with { PlannedEnd = April.PlusDays(-1) }, ErrorCodes.Initiatives.InvalidPlan, "An initiative's planned end is on or after its planned start, at most 100 years later.");
        RefusedPlan(plan with { PlannedEnd = April.PlusYears(101) }, ErrorCodes.Initiatives.InvalidPlan, "at most 100 years later");
        RefusedPlan(plan with { PlannedStart = new LocalDate(2026, 4, 1, CalendarSystem.Julian) }, ErrorCodes.Kernel.OutOfRange);

        Assert.Equal(April, Proposing(plan with { PlannedEnd = April }).Plan.PlannedEnd);
        Assert.Equal(April.PlusYears(100), Proposing(plan with { PlannedEnd = April.PlusYears(100) }).Plan.PlannedEnd);
    }

    [Fact]
    public void Each_milestone_has_its_own_key_a_one_line_title_and_a_weight_from_one_to_a_thousand_and_a_plan_at_most_200()
    {
        var plan = Plan();
        InitiativePlan With(Milestone milestone) => plan with { Milestones = [plan.Milestones[0], milestone] };

        RefusedPlan(With(plan.Milestones[1] with { Weight = 0 }), ErrorCodes.Kernel.OutOfRange, "A milestone's weight is from 1 to 1,000.");
        RefusedPlan(With(plan.Milestones[1] with { Weight = 1_001 }), ErrorCodes.Kernel.OutOfRange, "A milestone's weight is from 1 to 1,000.");
        RefusedPlan(With(plan.Milestones[1] with { Key = default }), ErrorCodes.Kernel.InvalidText, "A milestone has a key.");
        RefusedPlan(With(plan.Milestones[1] with { Title = "Camps\nheld" }), ErrorCodes.Kernel.InvalidText);
        RefusedPlan(With(plan.Milestones[1] with { Due = new LocalDate(3000, 1, 1) }), ErrorCodes.Kernel.OutOfRange);
        RefusedPlan(With(plan.Milestones[1] with { Key = Baseline }), ErrorCodes.Initiatives.InvalidPlan, "Each milestone has its own key.");
        RefusedPlan(plan with { Milestones = [.. plan.Milestones, .. Enumerable.Range(1, 199).Select(Step)] }, ErrorCodes.Kernel.InvalidInput);

        Assert.Equal(1, Proposing(With(plan.Milestones[1] with { Weight = 1 })).Plan.Milestones[1].Weight);
        Assert.Equal(1_000, Proposing(With(plan.Milestones[1] with { Weight = 1_000 })).Plan.Milestones[1].Weight);
        Assert.Equal(200, Proposing(plan with { Milestones = [.. plan.Milestones, .. Enumerable.Range(1, 198).Select(Step)] }).Plan.Milestones.Count);
    }

    [Fact]
    public void Each_budget_line_has_its_own_key_a_period_that_runs_forward_and_a_plan_at_most_500()
    {
        var plan = Plan();
        InitiativePlan With(BudgetLine line) => plan with { Budget = [plan.Budget[0], line] };

        RefusedPlan(With(plan.Budget[1] with { To = April.PlusDays(-1) }), ErrorCodes.Initiatives.InvalidPlan, "A budget line's period ends on or after it starts.");
        RefusedPlan(With(plan.Budget[1] with { Key = default }), ErrorCodes.Kernel.InvalidText, "A budget line has a key.");
        RefusedPlan(With(plan.Budget[1] with { Key = new BudgetLineKey("books") }), ErrorCodes.Initiatives.InvalidPlan, "Each budget line has its own key.");
        RefusedPlan(plan with { Budget = [.. plan.Budget, .. Enumerable.Range(1, 499).Select(Line)] }, ErrorCodes.Kernel.InvalidInput);

        Assert.Equal(April, Proposing(With(plan.Budget[1] with { To = April })).Plan.Budget[1].To);
        Assert.Equal(500, Proposing(plan with { Budget = [.. plan.Budget, .. Enumerable.Range(1, 498).Select(Line)] }).Plan.Budget.Count);
    }

    [Fact]
    public void The_budget_is_summed_per_currency()
    {
        var plan = Plan();
        var initiative = Proposing(plan with { Budget = [.. plan.Budget, Line(1), Line(2)] });

        Assert.Equal(Kes(300_200m), initiative.BudgetIn("KES"));
        Assert.Equal(new Money(2_000m, "USD"), initiative.BudgetIn("USD"));
        Assert.Equal(Money.Zero("EUR"), initiative.BudgetIn("EUR"));
    }

    [Fact]
    public void The_plan_is_kept_with_its_texts_trimmed_and_its_own_copy_of_the_roles()
    {
        var plan = Plan();
        var roles = new List<PartnerRole> { PartnerRole.Implementing };
        var padded = plan with
        {
            Title = "  Reading camps  ",
            Description = "  Holiday reading camps.  ",
            Partners = [plan.Partners[0] with { Name = " Member 1 ", OrganisationIdentifier = " KE-NCB-1001 " }, plan.Partners[1] with { Roles = roles }, .. plan.Partners.Skip(2)],
            Milestones = [plan.Milestones[0] with { Title = " Baseline reading survey " }, plan.Milestones[1]],
            Budget = [plan.Budget[0] with { Title = " Storybooks " }, plan.Budget[1]],
        };

        var kept = Proposing(padded).Plan;
        roles.Add(PartnerRole.Funding);

        Assert.Equal(("Reading camps", "Holiday reading camps."), (kept.Title, kept.Description));
        Assert.Equal(("Member 1", "KE-NCB-1001"), (kept.Partners[0].Name, kept.Partners[0].OrganisationIdentifier));
        Assert.Equal([PartnerRole.Implementing], kept.Partners[1].Roles);
        Assert.Equal("Baseline reading survey", kept.Milestones[0].Title);
        Assert.Equal("Storybooks", kept.Budget[0].Title);
    }

    [Fact]
    public void A_refusal_of_a_partner_s_place_names_the_partner_the_coalition_and_the_day()
    {
        var plan = Plan();

        RefusedPlan(plan with { Partners = [.. plan.Partners.Take(3), plan.Partners[3] with { Outside = false }] }, ErrorCodes.Initiatives.OutsidePartner, "County Education Fund is not an active member of Learning for All on 2 March 2026; to take part in 'Reading camps' it is marked as an outside partner.");
        RefusedPlan(plan with { Partners = [plan.Partners[0], plan.Partners[1] with { Outside = true }, .. plan.Partners.Skip(2)] }, ErrorCodes.Initiatives.OutsidePartner, "Member 2 is an active member of Learning for All; it takes part in 'Reading camps' as a member, not as an outside partner.");
    }

    [Fact]
    public void Steps_take_the_initiative_s_own_coalition()
    {
        var elsewhere = CoalitionAggregate.Found(CoalitionId.New(), "Reading Together", global::Coalitions.Core.Coalitions.CoalitionForm.Alliance, "Africa/Nairobi", Convenor, Secretariat, Start);
        var initiative = Proposed(_coalition);

        Refusal.Expect(initiative, ErrorCodes.Coalitions.OtherCoalition, () => initiative.Approve(Adopted(MatterType.ApproveJointProject), elsewhere, Secretariat, Start));
        Refusal.Expect(initiative, ErrorCodes.Coalitions.OtherCoalition, () => initiative.Cancel("Merged.", null, elsewhere, Secretariat, Start));
        Refusal.Of(() => Initiative.Propose(TheInitiative, Plan() with { Coalition = elsewhere.Id }, _coalition, For(1), Start), ErrorCodes.Coalitions.OtherCoalition);
    }

    [Fact]
    public void An_initiative_is_approved_once_and_keeps_the_decision()
    {
        var initiative = Approved(_coalition);

        Assert.Equal(Adopted(MatterType.ApproveJointProject), initiative.Approval);
        Refusal.Expect(initiative, ErrorCodes.Initiatives.InvalidTransition, () => initiative.Approve(Adopted(MatterType.ApproveJointProject), _coalition, Secretariat, Start));
        Refusal.Expect(initiative, ErrorCodes.Initiatives.NotTheLead, () => initiative.Revise(Plan(), _coalition, For(2), Start));
    }

    [Fact]
    public void An_initiative_starts_once_approved_on_a_day_no_later_than_today_in_the_coalition_s_time_zone()
    {
        var proposed = Proposed(_coalition);
        Refusal.Expect(proposed, ErrorCodes.Initiatives.InvalidTransition, () => proposed.Start(new LocalDate(2026, 3, 2), _coalition, For(1), Start));

        var initiative = Approved(_coalition);

        // 22:30 UTC on 31 March is 01:30 on 1 April in Nairobi.
        var lateEvening = Instant.FromUtc(2026, 3, 31, 22, 30);
        var error = Refusal.Expect(initiative, ErrorCodes.Kernel.OutOfRange, () => initiative.Start(April.PlusDays(1), _coalition, For(1), lateEvening));
        Assert.Equal("The on (2 April 2026) is after today, 1 April 2026.", error.Message);
        Refusal.Expect(initiative, ErrorCodes.Kernel.OutOfRange, () => initiative.Start(new LocalDate(1899, 12, 31), _coalition, For(1), lateEvening));
        Refusal.Expect(initiative, ErrorCodes.Initiatives.NotTheLead, () => initiative.Start(April, _coalition, For(2), lateEvening));
        initiative.Start(April, _coalition, For(1), lateEvening);

        Assert.Equal((InitiativeStatus.Active, April), (initiative.Status, initiative.StartedOn));
        Refusal.Expect(initiative, ErrorCodes.Initiatives.InvalidTransition, () => initiative.Start(April, _coalition, For(1), lateEvening));
    }

    [Fact]
    public void A_milestone_is_reached_on_a_day_from_the_start_to_today_with_its_note_trimmed()
    {
        var initiative = Active(_coalition);
        var today = OnDate(2026, 4, 21);

        var error = Refusal.Expect(initiative, ErrorCodes.Initiatives.UnknownMilestone, () => initiative.RecordMilestone(Baseline, new LocalDate(2026, 4, 22), null, _coalition, For(1), today));
        Assert.Equal("A milestone of 'Reading camps' is reached on a day from its start, 1 April 2026, to today, 21 April 2026; not 22 April 2026.", error.Message);
        Refusal.Expect(initiative, ErrorCodes.Initiatives.UnknownMilestone, () => initiative.RecordMilestone(Baseline, April.PlusDays(-1), null, _coalition, For(1), today));
        Refusal.Expect(initiative, ErrorCodes.Kernel.OutOfRange, () => initiative.RecordMilestone(Baseline, new LocalDate(3000, 1, 1), null, _coalition, For(1), today));
        Refusal.Expect(initiative, ErrorCodes.Kernel.InvalidText, () => initiative.RecordMilestone(Baseline, April, new string('n', 2_001), _coalition, For(1), today));
        Assert.Equal("'Reading camps' has no milestone '(none)'.", Refusal.Expect(initiative, ErrorCodes.Initiatives.UnknownMilestone, () => initiative.RecordMilestone(default, April, null, _coalition, For(1), today)).Message);

        initiative.RecordMilestone(Baseline, April, "  1,200 pupils assessed.  ", _coalition, For(1), today);
        initiative.RecordMilestone(new MilestoneKey("camps"), new LocalDate(2026, 4, 21), "   ", _coalition, For(2), today);

        Assert.Equal(new ReachedMilestone(Baseline, April, "1,200 pupils assessed."), initiative.Reached[Baseline]);
        Assert.Null(initiative.Reached[new MilestoneKey("camps")].Note);
        Assert.Equal(
            "Milestone 'baseline' of 'Reading camps' was already reached on 1 April 2026.",
            Refusal.Expect(initiative, ErrorCodes.Initiatives.UnknownMilestone, () => initiative.RecordMilestone(Baseline, April, null, _coalition, For(1), today)).Message);
    }

    [Fact]
    public void A_suspension_gives_its_reason_and_is_dated_today_and_a_suspended_initiative_neither_completes_nor_resumes_twice()
    {
        var initiative = Active(_coalition);

        Refusal.Expect(initiative, ErrorCodes.Initiatives.InvalidTransition, () => initiative.Resume(_coalition, Secretariat, OnDate(2026, 5, 1)));
        Refusal.Expect(initiative, ErrorCodes.Kernel.InvalidText, () => initiative.Suspend("  ", _coalition, Secretariat, OnDate(2026, 5, 1)));
        initiative.Suspend("  Schools closed by floods.  ", _coalition, Secretariat, OnDate(2026, 5, 1));

        var suspended = Assert.IsType<InitiativeSuspended>(initiative.DequeueUncommittedEvents()[^1]);
        Assert.Equal(("Schools closed by floods.", new LocalDate(2026, 5, 1)), (suspended.Reason, suspended.On));
        Refusal.Expect(initiative, ErrorCodes.Initiatives.InvalidTransition, () => initiative.Suspend("Again.", _coalition, Secretariat, OnDate(2026, 5, 2)));
        Refusal.Expect(initiative, ErrorCodes.Initiatives.InvalidTransition, () => initiative.Complete(new LocalDate(2026, 5, 2), _coalition, For(1), OnDate(2026, 5, 2)));
        Refusal.Expect(initiative, ErrorCodes.Coalitions.NotACoordinator, () => initiative.Resume(_coalition, For(1), OnDate(2026, 6, 1)));
        initiative.Resume(_coalition, Secretariat, OnDate(2026, 6, 1));

        Assert.Equal(new LocalDate(2026, 6, 1), Assert.IsType<InitiativeResumed>(initiative.DequeueUncommittedEvents()[^1]).On);
    }

    [Fact]
    public void An_initiative_is_completed_by_its_lead_on_a_day_from_its_start_to_today()
    {
        var proposed = Proposed(_coalition);
        Refusal.Expect(proposed, ErrorCodes.Initiatives.InvalidTransition, () => proposed.Complete(April, _coalition, For(1), OnDate(2026, 4, 2)));
        var initiative = Active(_coalition);

        var error = Refusal.Expect(initiative, ErrorCodes.Kernel.OutOfRange, () => initiative.Complete(April.PlusDays(-1), _coalition, For(1), OnDate(2026, 4, 2)));
        Assert.Equal("'Reading camps' started on 1 April 2026; it cannot end before, on 31 March 2026.", error.Message);
        Refusal.Expect(initiative, ErrorCodes.Kernel.OutOfRange, () => initiative.Complete(April.PlusDays(2), _coalition, For(1), OnDate(2026, 4, 2)));
        Refusal.Expect(initiative, ErrorCodes.Initiatives.NotTheLead, () => initiative.Complete(April, _coalition, Secretariat, OnDate(2026, 4, 2)));
        initiative.Complete(April, _coalition, For(1), OnDate(2026, 4, 2));

        Assert.Equal((InitiativeStatus.Completed, April), (initiative.Status, initiative.EndedOn));
        Refusal.Expect(initiative, ErrorCodes.Initiatives.InvalidTransition, () => initiative.Cancel("Too late.", Adopted(MatterType.ApproveJointProject), _coalition, Secretariat, OnDate(2026, 4, 3)));
    }

    [Fact]
    public void A_cancellation_gives_its_reason_is_dated_today_and_before_approval_a_coordinator_may_cancel_too()
    {
        var proposed = Proposed(_coalition);

        Refusal.Expect(proposed, ErrorCodes.Kernel.InvalidText, () => proposed.Cancel("", null, _coalition, Secretariat, OnDate(2026, 3, 5)));
        Refusal.Expect(proposed, ErrorCodes.Initiatives.NotTheLead, () => proposed.Cancel("Merged.", null, _coalition, For(2), OnDate(2026, 3, 5)));
        Refusal.Expect(proposed, ErrorCodes.Coalitions.DecisionRequired, () => proposed.Cancel("Merged.", Adopted(MatterType.ApproveBudget), _coalition, Secretariat, OnDate(2026, 3, 5)));
        proposed.Cancel("  Merged into another project.  ", null, _coalition, Secretariat, OnDate(2026, 3, 5));

        var cancelled = Assert.IsType<InitiativeCancelled>(proposed.DequeueUncommittedEvents()[^1]);
        Assert.Equal(("Merged into another project.", new LocalDate(2026, 3, 5), (DecisionReference?)null), (cancelled.Reason, cancelled.On, cancelled.Decision));
        Assert.Equal(new LocalDate(2026, 3, 5), proposed.EndedOn);

        var approved = Approved(_coalition);
        Refusal.Expect(approved, ErrorCodes.Coalitions.NotACoordinator, () => approved.Cancel("Lost funding.", Adopted(MatterType.ApproveJointProject), _coalition, For(1), OnDate(2026, 3, 5)));
        approved.Cancel("Lost funding.", Adopted(MatterType.ApproveJointProject), _coalition, Secretariat, OnDate(2026, 3, 5));
        Assert.Equal(Adopted(MatterType.ApproveJointProject), Assert.IsType<InitiativeCancelled>(approved.DequeueUncommittedEvents()[^1]).Decision);
    }

    [Fact]
    public void A_suspended_initiative_is_cancelled_by_a_coordinator_citing_a_decision()
    {
        var initiative = Active(_coalition);
        initiative.Suspend("Schools closed.", _coalition, Secretariat, OnDate(2026, 5, 1));

        initiative.Cancel("Schools stay closed.", Adopted(MatterType.ApproveJointProject), _coalition, Secretariat, OnDate(2026, 6, 1));

        Assert.Equal((InitiativeStatus.Cancelled, new LocalDate(2026, 6, 1)), (initiative.Status, initiative.EndedOn));
    }

    [Fact]
    public void A_contribution_is_by_a_partner_of_the_plan_names_each_pledge_once_and_a_commitment_only_with_its_agreement()
    {
        var coalition = AgreementScenario.Founders();
        var initiative = Initiative.Propose(TheInitiative, Plan() with { Partners = Plan().Partners.Take(3).ToArray(), Budget = [Plan().Budget[0]] }, coalition, For(1), Start);
        var mou = AgreementScenario.SignedByAll();
        var pledge = Pledge.Make(PledgeNumber(1), MoneyPledge(2, 5_000m, initiative: TheInitiative), coalition, For(2), Start);

        Refusal.Expect(initiative, ErrorCodes.Initiatives.InvalidContribution, () => initiative.LinkContribution(Partner(2), "Books", [pledge, pledge], null, null, coalition, For(2), Hours(4)));
        var error = Refusal.Expect(initiative, ErrorCodes.Initiatives.InvalidContribution, () => initiative.LinkContribution(Partner(2), "Books", [pledge], null, "reading-fund", coalition, For(2), Hours(4)));
        Assert.Equal("A commitment is linked only with the agreement it belongs to.", error.Message);
        Refusal.Expect(initiative, ErrorCodes.Initiatives.InvalidContribution, () => initiative.LinkContribution(Partner(2), "Books", [pledge], mou, "no-such-commitment", coalition, For(2), Hours(4)));
        Refusal.Expect(initiative, ErrorCodes.Initiatives.InvalidContribution, () => initiative.LinkContribution(Partner(1), "Time", [], mou, "reading-fund", coalition, For(1), Hours(4)));
        Refusal.Expect(initiative, ErrorCodes.Kernel.InvalidText, () => initiative.LinkContribution(Partner(2), " ", [pledge], null, null, coalition, For(2), Hours(4)));
        Assert.Equal(
            "partner " + Partner(4) + " is not a partner of 'Reading camps'.",
            Refusal.Expect(initiative, ErrorCodes.Initiatives.InvalidContribution, () => initiative.LinkContribution(Partner(4), "Books", [], null, null, coalition, For(1), Hours(4))).Message);

        initiative.LinkContribution(Partner(2), "  Books for the camps  ", [pledge], mou, " reading-fund ", coalition, For(2), Hours(4));
        initiative.LinkContribution(Partner(1), "Half a post", [], mou, null, coalition, For(1), Hours(4));

        Assert.Equal(("Books for the camps", "reading-fund"), (initiative.Contributions[0].Description, initiative.Contributions[0].Commitment));
        Assert.Equal((AgreementScenario.TheAgreement, (string?)null), (initiative.Contributions[1].Agreement, initiative.Contributions[1].Commitment));
    }

    [Fact]
    public void A_party_to_another_agreement_links_no_commitment_under_it()
    {
        var coalition = AgreementScenario.Founders();
        var initiative = Initiative.Propose(TheInitiative, Plan() with { Partners = [.. Plan().Partners.Take(3), new InitiativePartner(Partner(20), "County Education Fund", [PartnerRole.Funding], Outside: true)], Budget = [Plan().Budget[0]] }, coalition, For(1), Start);
        var mou = AgreementScenario.SignedByAll();

        var error = Refusal.Expect(initiative, ErrorCodes.Initiatives.InvalidContribution, () => initiative.LinkContribution(Partner(20), "Trainers", [], mou, null, coalition, For(1), Hours(4)));

        Assert.Equal("County Education Fund is not a party to the agreement linked to its contribution to 'Reading camps'.", error.Message);
    }

    [Fact]
    public void An_initiative_that_ended_links_no_more_contributions_and_one_links_at_most_a_thousand()
    {
        var initiative = Proposed(_coalition);
        for (var i = 0; i < 1_000; i++)
        {
            initiative.LinkContribution(Partner(2), $"Volunteers, week {i}", [], null, null, _coalition, For(2), Start);
        }

        var version = initiative.Version;
        Refusal.Of(() => initiative.LinkContribution(Partner(2), "One more", [], null, null, _coalition, For(2), Start), ErrorCodes.Kernel.OutOfRange, "'Reading camps' links 1,000 contributions, the most one initiative links.");
        Assert.Equal(version, initiative.Version);

        var ended = Proposed(_coalition);
        ended.Cancel("Merged.", null, _coalition, For(1), Start);
        Refusal.Expect(ended, ErrorCodes.Initiatives.InvalidTransition, () => ended.LinkContribution(Partner(2), "Volunteers", [], null, null, _coalition, For(2), Start));
    }

    [Theory]
    [InlineData(InitiativeStatus.Proposed, "Proposed Approved Cancelled")]
    [InlineData(InitiativeStatus.Approved, "Active Cancelled")]
    [InlineData(InitiativeStatus.Active, "Completed Suspended Cancelled")]
    [InlineData(InitiativeStatus.Suspended, "Active Cancelled")]
    [InlineData(InitiativeStatus.Completed, "")]
    [InlineData(InitiativeStatus.Cancelled, "")]
    public void Each_status_moves_only_to_the_statuses_its_lifecycle_allows(InitiativeStatus from, string allowed)
    {
        var initiative = In(from);

        var reachable = Enum.GetValues<InitiativeStatus>().Where(to => initiative.CanMoveTo(to).IsAllowed).Select(to => to.ToString());

        Assert.Equal(allowed, string.Join(' ', reachable));
        if (from != InitiativeStatus.Proposed)
        {
            var refusal = initiative.CanMoveTo(InitiativeStatus.Approved);
            Assert.True(refusal.Has(ErrorCodes.Initiatives.InvalidTransition));
            Assert.Equal($"'Reading camps' is {Words(from)}; it cannot become approved.", refusal.Failures[0].Message);
        }
    }

    private static string Words(InitiativeStatus status) => status.ToString().ToLowerInvariant();

    private Initiative In(InitiativeStatus status)
    {
        var initiative = status is InitiativeStatus.Proposed or InitiativeStatus.Cancelled ? Proposed(_coalition) : status == InitiativeStatus.Approved ? Approved(_coalition) : Active(_coalition);
        switch (status)
        {
            case InitiativeStatus.Completed:
                initiative.Complete(April, _coalition, For(1), OnDate(2026, 4, 2));
                break;
            case InitiativeStatus.Suspended:
                initiative.Suspend("Schools closed.", _coalition, Secretariat, OnDate(2026, 5, 1));
                break;
            case InitiativeStatus.Cancelled:
                initiative.Cancel("Merged.", null, _coalition, For(1), Start);
                break;
        }

        return initiative;
    }
}
