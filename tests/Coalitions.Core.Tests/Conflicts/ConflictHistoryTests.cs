using Coalitions.Core.Conflicts;
using Coalitions.Core.Decisions;
using Coalitions.Core.Governance;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.ConflictScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Conflicts;

/// <summary>A stored case history is untrusted: each step that could not have happened is refused with its reason.</summary>
public class ConflictHistoryTests
{
    private static readonly Actor Four = For(4);

    private static List<IDomainEvent> Stored(ConflictCase @case) => [.. @case.DequeueUncommittedEvents()];

    private static List<IDomainEvent> Opened() => Stored(Raised());

    private static List<IDomainEvent> Talking() => Stored(InDialogue());

    private static List<IDomainEvent> Mediated() => Stored(InMediation());

    private static List<IDomainEvent> Settled()
    {
        var @case = InMediation();
        @case.ProposeResolution(Settlement(), Nine, TheMediator, Hours(4));
        @case.ConfirmResolution(Partner(4), Nine, Four, Hours(5));
        @case.ConfirmResolution(Partner(5), Nine, For(5), Hours(5));
        return Stored(@case);
    }

    private static List<IDomainEvent> Escalated()
    {
        var @case = InMediation();
        @case.Escalate(Rules, Nine, Four, Hours(5));
        return Stored(@case);
    }

    private static void Corrupt(List<IDomainEvent> history, string why, params IDomainEvent[] next) => StoredHistory.Refused(ConflictCase.Rehydrate, history, why, next);

    private static CaseOpened Opening() => (CaseOpened)Opened()[0];

    private static Resolution Terms(string terms = "Member 5 credits member 4's field team.", PartnerId? owedBy = null) =>
        new(terms, [new FollowUp(new FollowUpKey("erratum"), owedBy ?? Partner(5), "Publish an erratum", new LocalDate(2026, 3, 20))]);

    [Fact]
    public void A_stored_case_opens_in_a_known_time_zone_between_parties_that_include_whoever_raised_it()
    {
        Corrupt([], "the time zone is not a tz database id.", Opening() with { TimeZone = "Mars/Olympus_Mons" });
        Corrupt([], "the case is ill-formed.", Opening() with { Members = [Partner(4)] });
        Corrupt([], "the case was raised by a member that is not a party.", Opening() with { RaisedBy = Partner(6) });
        Assert.Equal(CaseStatus.Raised, ConflictCase.Rehydrate([Opening() with { RaisedBy = null }]).View(Nine, Secretariat, Start).Status);
    }

    [Fact]
    public void A_stored_case_has_from_one_to_seventy_ground_rules_of_at_most_a_thousand_characters()
    {
        var opening = Opening();

        Corrupt([], "the ground rules are missing or ill-formed.", opening with { GroundRules = [] });
        Corrupt([], "the ground rules are missing or ill-formed.", opening with { GroundRules = Enumerable.Repeat("Listen.", 71).ToArray() });
        Corrupt([], "the ground rules are missing or ill-formed.", opening with { GroundRules = [new string('x', 1_001)] });
        Corrupt([], "the ground rules are missing or ill-formed.", opening with { GroundRules = ["Listen.", " "] });
        Assert.Equal(70, ConflictCase.Rehydrate([opening with { GroundRules = Enumerable.Repeat(new string('x', 1_000), 70).ToArray() }]).View(Nine, Secretariat, Start).GroundRules.Count);
    }

    [Fact]
    public void Each_party_acknowledges_the_ground_rules_once_and_dialogue_starts_after_all_did()
    {
        Corrupt(Opened(), "the party named is not a party to the case.", new GroundRulesAcknowledged(TheCase, Partner(6), Hours(1), For(6)));
        Corrupt(Opened(), "the party named is not a party to the case.", new GroundRulesAcknowledged(TheCase, null, Hours(1), Secretariat));
        Corrupt(Opened(), "the party acknowledged the ground rules already.", new GroundRulesAcknowledged(TheCase, Partner(4), Hours(1), Four), new GroundRulesAcknowledged(TheCase, Partner(4), Hours(1), Four));
        Corrupt(Opened(), "not every party acknowledged the ground rules.", new DialogueStarted(TheCase, Hours(1), Four));
        Corrupt(Talking(), "the case's stage is dialogue, not raised.", new GroundRulesAcknowledged(TheCase, Partner(4), Hours(2), Four));
        Corrupt(Talking(), "the case's stage is dialogue, not raised.", new DialogueStarted(TheCase, Hours(2), Four));
    }

    [Fact]
    public void Sessions_are_held_in_dialogue_or_mediation_at_the_cases_stage_and_at_most_a_thousand()
    {
        Corrupt(Opened(), "sessions are held in dialogue or mediation.", new CaseSessionRecorded(TheCase, CaseStatus.Raised, new LocalDate(2026, 3, 2), null, Hours(2), Four));
        Corrupt(Talking(), "the session's stage is not the case's.", new CaseSessionRecorded(TheCase, CaseStatus.Mediation, new LocalDate(2026, 3, 2), null, Hours(2), Four));

        var full = Talking();
        full.AddRange(Enumerable.Range(0, CaseRules.MaxSessions).Select(_ => new CaseSessionRecorded(TheCase, CaseStatus.Dialogue, new LocalDate(2026, 3, 2), null, Hours(2), Four)));
        Corrupt(full, "the case has as many sessions as it may.", new CaseSessionRecorded(TheCase, CaseStatus.Dialogue, new LocalDate(2026, 3, 2), null, Hours(2), Four));
        Assert.Equal(CaseRules.MaxSessions, ConflictCase.Rehydrate(full).View(Nine, Secretariat, Hours(2)).Sessions.Count);
    }

    [Fact]
    public void One_well_formed_mediator_is_proposed_at_a_time_during_dialogue()
    {
        var proposed = new MediatorProposed(TheCase, Neutral, Hours(2), For(5));

        Corrupt(Opened(), "the case's stage is raised, not dialogue.", proposed);
        Corrupt(Talking(), "a mediator awaits an answer already.", proposed, proposed);
        Corrupt(Talking(), "the mediator is ill-formed.", proposed with { Mediator = Neutral with { Name = "Esther\nWambui" } });
    }

    [Fact]
    public void Each_party_answers_a_proposed_mediator_once_and_mediation_starts_when_all_accepted()
    {
        var proposed = new MediatorProposed(TheCase, Neutral, Hours(2), For(5));
        var accepted = new MediatorAccepted(TheCase, Partner(4), Hours(3), Four);

        Corrupt(Talking(), "no mediator was proposed.", accepted);
        Corrupt(Talking(), "no mediator was proposed.", new MediatorDeclined(TheCase, Partner(4), null, Hours(3), Four));
        Corrupt(Talking(), "the party named is not a party to the case.", proposed, accepted with { Party = Partner(6) });
        Corrupt(Talking(), "the party named is not a party to the case.", proposed, new MediatorDeclined(TheCase, Partner(6), null, Hours(3), For(6)));
        Corrupt(Talking(), "the party answered already.", proposed, accepted, accepted);
        Corrupt(Talking(), "the party answered already.", proposed, accepted, new MediatorDeclined(TheCase, Partner(4), null, Hours(3), Four));
        Corrupt(Talking(), "not every party accepted the mediator.", new MediationStarted(TheCase, Hours(3), Four));
        Corrupt(Talking(), "not every party accepted the mediator.", proposed, accepted, new MediationStarted(TheCase, Hours(3), Four));
        Corrupt(Opened(), "the case's stage is raised, not dialogue.", new MediationStarted(TheCase, Hours(3), Four));
    }

    [Fact]
    public void One_well_formed_resolution_is_proposed_at_a_time_by_a_party_or_the_mediator_in_dialogue_or_mediation()
    {
        var proposed = new ResolutionProposed(TheCase, Terms(), Partner(5), Hours(2), For(5));

        Corrupt(Opened(), "a resolution is proposed in dialogue or mediation.", proposed);
        Corrupt(Talking(), "a resolution awaits an answer already.", proposed, proposed);
        Corrupt(Talking(), "the proposer is not a party.", proposed with { ProposedBy = Partner(6) });
        Corrupt(Talking(), "the resolution is ill-formed.", proposed with { Resolution = Terms(" ") });
        Corrupt(Talking(), "a follow-up is owed by a member that is not a party.", proposed with { Resolution = Terms(owedBy: Partner(6)) });
        Assert.Equal(CaseStatus.Mediation, ConflictCase.Rehydrate([.. Mediated(), proposed with { ProposedBy = null }]).View(Nine, Secretariat, Hours(3)).Status);
    }

    [Fact]
    public void Each_party_answers_a_proposed_resolution_once_and_the_case_is_resolved_when_all_confirmed()
    {
        var proposed = new ResolutionProposed(TheCase, Terms(), Partner(5), Hours(2), For(5));
        var confirmed = new ResolutionConfirmed(TheCase, Partner(4), Hours(3), Four);

        Corrupt(Talking(), "no resolution awaits the parties' answer.", confirmed);
        Corrupt(Talking(), "no resolution awaits the parties' answer.", new ResolutionRejected(TheCase, Partner(4), null, Hours(3), Four));
        Corrupt(Talking(), "no resolution awaits the parties' answer.", new CaseResolved(TheCase, Hours(3), Four));
        Corrupt(Opened(), "no resolution awaits the parties' answer.", confirmed);
        Corrupt(Talking(), "the party named is not a party to the case.", proposed, new ResolutionRejected(TheCase, Partner(6), null, Hours(3), For(6)));
        Corrupt(Talking(), "the party answered already.", proposed, confirmed, confirmed);
        Corrupt(Talking(), "the party answered already.", proposed, confirmed, new ResolutionRejected(TheCase, Partner(4), null, Hours(3), Four));
        Corrupt(Talking(), "not every party confirmed the resolution.", proposed, new CaseResolved(TheCase, Hours(3), Four));

        // A party that proposes confirms by proposing; a mediator's proposal needs every party's confirmation.
        Assert.Equal(CaseStatus.Resolved, ConflictCase.Rehydrate([.. Talking(), proposed, confirmed, new CaseResolved(TheCase, Hours(3), Four)]).View(Nine, Secretariat, Hours(3)).Status);
        Corrupt(Mediated(), "not every party confirmed the resolution.", proposed with { ProposedBy = null, By = TheMediator }, confirmed, new CaseResolved(TheCase, Hours(3), Four));
    }

    [Fact]
    public void A_stored_case_is_escalated_from_mediation_or_from_dialogue_once_tried_to_a_body_named_as_bodies_are()
    {
        var escalated = new CaseEscalated(TheCase, new BodyKey("steering-committee"), "Steering committee", Hours(5), Four);
        var tried = Talking();
        tried.Add(new CaseSessionRecorded(TheCase, CaseStatus.Dialogue, new LocalDate(2026, 3, 2), null, Hours(2), Four));

        Corrupt(Opened(), "a case is escalated from mediation, or from dialogue once tried.", escalated);
        Corrupt(Talking(), "a case is escalated from mediation, or from dialogue once tried.", escalated);
        Corrupt(Mediated(), "the body is not named as a body is.", escalated with { BodyName = "Steering\ncommittee" });
        Corrupt(Mediated(), "the body is not named as a body is.", escalated with { BodyName = new string('n', 201) });
        Assert.Equal(CaseStatus.Escalated, ConflictCase.Rehydrate([.. tried, escalated]).View(Nine, Secretariat, Hours(5)).Status);
    }

    [Fact]
    public void A_stored_decision_of_an_escalated_case_is_an_adoption_on_a_dispute_taken_between_the_escalation_and_its_recording()
    {
        var decided = new CaseDecided(TheCase, Decided(MatterType.ResolveDispute, 41, Hours(6)), Terms(), Hours(7), Secretariat);

        Corrupt(Mediated(), "the case's stage is mediation, not escalated.", decided);
        Corrupt(Escalated(), "the decision is not an adoption by the coalition on a dispute.", decided with { Decision = Decided(MatterType.AdmitMember, 41, Hours(6)) });
        Corrupt(Escalated(), "the decision was not taken between the escalation and its recording.", decided with { Decision = Decided(MatterType.ResolveDispute, 41, Hours(4)) });
        Corrupt(Escalated(), "the decision was not taken between the escalation and its recording.", decided with { At = Hours(5.5) });
        Corrupt(Escalated(), "the resolution is ill-formed.", decided with { Ruling = Terms(" ") });
        Corrupt(Escalated(), "a follow-up is owed by a member that is not a party.", decided with { Ruling = Terms(owedBy: Partner(6)) });
        Assert.Equal(CaseStatus.Decided, ConflictCase.Rehydrate([.. Escalated(), decided with { Decision = Decided(MatterType.ResolveDispute, 41, Hours(5)), At = Hours(6) }]).View(Nine, Secretariat, Hours(7)).Status);
    }

    [Fact]
    public void Follow_ups_stored_as_done_are_the_settlements_each_done_once_after_it_was_settled()
    {
        var done = new FollowUpCompleted(TheCase, new FollowUpKey("erratum"), new LocalDate(2026, 3, 10), null, OnDate(2026, 3, 10), For(5));

        Corrupt(Mediated(), "follow-ups are done once the case is settled.", done);
        Corrupt(Settled(), "the settlement lists no such follow-up.", done with { FollowUp = new FollowUpKey("apology") });
        Corrupt(Settled(), "the follow-up is done already.", done, done);
    }

    [Fact]
    public void A_settled_or_withdrawn_case_is_not_stored_as_withdrawn()
    {
        var withdrawn = new CaseWithdrawn(TheCase, null, Hours(6), Four);

        Corrupt(Settled(), "a settled or withdrawn case is not withdrawn.", withdrawn);
        Corrupt(Opened(), "a settled or withdrawn case is not withdrawn.", withdrawn, withdrawn);
        Corrupt([.. Escalated(), new CaseDecided(TheCase, Decided(MatterType.ResolveDispute, 41, Hours(6)), Terms(), Hours(7), Secretariat)], "a settled or withdrawn case is not withdrawn.", withdrawn with { At = Hours(8) });
        Assert.Equal(CaseStatus.Withdrawn, ConflictCase.Rehydrate([.. Escalated(), withdrawn]).View(Nine, Secretariat, Hours(7)).Status);
    }
}
