using Coalitions.Core.Coalitions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Partners;
using Coalitions.Core.Tests.Kit;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Partners;

public class OutreachTests
{
    private static readonly NodaTime.LocalDate Day = new(2026, 3, 2);

    private static readonly Coalition Coalition = Founded();

    private static Outreach Identified() => Outreach.Identify(OutreachId.FromGuid(Guid.Parse("e0000000-0000-0000-0000-000000000001")), Partner(5), Day, "Met at the county forum.", Coalition, Secretariat, Start);

    private static Outreach Joined()
    {
        var outreach = Identified();
        outreach.Record(OutreachStage.Contacted, Day, null, Coalition, Secretariat, Hours(1));
        outreach.Record(OutreachStage.Invited, Day, null, Coalition, Secretariat, Hours(2));
        outreach.Record(OutreachStage.Joined, Day, null, Coalition, Secretariat, Hours(3));
        return outreach;
    }

    [Fact]
    public void A_prospect_moves_from_identified_to_joined_step_by_step()
    {
        var outreach = Identified();

        outreach.Record(OutreachStage.Contacted, Day.PlusDays(1), "Emailed the director.", Coalition, Secretariat, Hours(1));
        outreach.Record(OutreachStage.Met, Day.PlusDays(8), null, Coalition, Secretariat, Hours(2));
        outreach.Record(OutreachStage.Invited, Day.PlusDays(9), null, Coalition, Secretariat, Hours(3));
        outreach.Record(OutreachStage.Joined, Day.PlusDays(20), null, Coalition, Secretariat, Hours(4));

        Assert.Equal(OutreachStage.Joined, outreach.Stage);
        Assert.Equal(5, outreach.Steps.Count);
    }

    [Fact]
    public void A_prospect_cannot_be_invited_before_it_is_contacted()
    {
        var outreach = Identified();

        Refusal.Expect(outreach, ErrorCodes.Partners.InvalidOutreachStep, () => outreach.Record(OutreachStage.Invited, Day, null, Coalition, Secretariat, Hours(1)));
    }

    [Fact]
    public void A_dormant_outreach_resumes_where_it_paused()
    {
        var outreach = Identified();
        outreach.Record(OutreachStage.Contacted, Day, null, Coalition, Secretariat, Hours(1));
        outreach.Record(OutreachStage.Met, Day, null, Coalition, Secretariat, Hours(2));
        outreach.Record(OutreachStage.Dormant, Day.PlusDays(30), "Director on leave.", Coalition, Secretariat, Hours(3));

        Refusal.Expect(outreach, ErrorCodes.Partners.InvalidOutreachStep, () => outreach.Record(OutreachStage.Contacted, Day.PlusDays(60), null, Coalition, Secretariat, Hours(4)));
        outreach.Record(OutreachStage.Met, Day.PlusDays(60), "Back in touch.", Coalition, Secretariat, Hours(4));

        Assert.Equal(OutreachStage.Met, outreach.Stage);
    }

    [Fact]
    public void A_prospect_that_declined_may_be_approached_again()
    {
        var outreach = Identified();
        outreach.Record(OutreachStage.Contacted, Day, null, Coalition, Secretariat, Hours(1));
        outreach.Record(OutreachStage.Declined, Day.PlusDays(2), "No capacity this year.", Coalition, Secretariat, Hours(2));

        Refusal.Expect(outreach, ErrorCodes.Partners.InvalidOutreachStep, () => outreach.Record(OutreachStage.Invited, Day.PlusDays(3), null, Coalition, Secretariat, Hours(3)));
        outreach.Record(OutreachStage.Identified, Day.PlusDays(365), "New director.", Coalition, Secretariat, Hours(4));
    }

    [Fact]
    public void Outreach_steps_are_recorded_in_date_order()
    {
        var outreach = Identified();

        Refusal.Expect(outreach, ErrorCodes.Partners.OutreachOutOfOrder, () => outreach.Record(OutreachStage.Contacted, Day.PlusDays(-1), null, Coalition, Secretariat, Hours(1)));
    }

    [Fact]
    public void A_joined_partner_has_no_further_outreach()
    {
        var outreach = Joined();

        Refusal.Expect(outreach, ErrorCodes.Partners.InvalidOutreachStep, () => outreach.Record(OutreachStage.Dormant, Day, null, Coalition, Secretariat, Hours(4)));
    }

    [Fact]
    public void An_outsider_cannot_identify_a_prospect_or_record_a_step()
    {
        var outreach = Identified();

        Assert.Equal(ErrorCodes.Coalitions.NotACoordinator, Assert.Throws<CoalitionRuleException>(() => Outreach.Identify(OutreachId.New(), Partner(5), Day, null, Coalition, For(5), Start)).Code);
        Refusal.Expect(outreach, ErrorCodes.Coalitions.NotACoordinator, () => outreach.Record(OutreachStage.Contacted, Day, null, Coalition, ChairActor, Hours(1)));
        Refusal.Expect(outreach, ErrorCodes.Coalitions.NotACoordinator, () => outreach.Record(OutreachStage.Contacted, Day, null, Coalition, Actor.System("crm-import"), Hours(1)));
        Refusal.Expect(outreach, ErrorCodes.Kernel.ActorRequired, () => outreach.Record(OutreachStage.Contacted, Day, null, Coalition, null!, Hours(1)));
    }

    [Fact]
    public void An_outreach_is_recorded_only_with_the_coalition_it_belongs_to()
    {
        var outreach = Identified();
        var other = global::Coalitions.Core.Coalitions.Coalition.Found(CoalitionId.New(), "Another coalition", CoalitionForm.Alliance, "Africa/Nairobi", Convenor, Secretariat, Start);

        Refusal.Expect(outreach, ErrorCodes.Coalitions.OtherCoalition, () => outreach.Record(OutreachStage.Contacted, Day, null, other, Secretariat, Hours(1)));
        Refusal.Expect(outreach, ErrorCodes.Kernel.InvalidInput, () => outreach.Record(OutreachStage.Contacted, Day, null, null!, Secretariat, Hours(1)));
    }

    [Fact]
    public void Empty_ids_dates_outside_the_calendar_undefined_stages_and_control_characters_are_refused()
    {
        var outreach = Identified();

        Assert.Equal(ErrorCodes.Kernel.EmptyId, Assert.Throws<CoalitionRuleException>(() => Outreach.Identify(OutreachId.New(), default, Day, null, Coalition, Secretariat, Start)).Code);
        Assert.Equal(ErrorCodes.Kernel.EmptyId, Assert.Throws<CoalitionRuleException>(() => Outreach.Identify(default, Partner(5), Day, null, Coalition, Secretariat, Start)).Code);
        Assert.Equal(ErrorCodes.Kernel.OutOfRange, Assert.Throws<CoalitionRuleException>(() => Outreach.Identify(OutreachId.New(), Partner(5), NodaTime.LocalDate.MinIsoValue, null, Coalition, Secretariat, Start)).Code);
        Refusal.Expect(outreach, ErrorCodes.Kernel.OutOfRange, () => outreach.Record(OutreachStage.Contacted, NodaTime.LocalDate.MaxIsoValue, null, Coalition, Secretariat, Hours(1)));
        Refusal.Expect(outreach, ErrorCodes.Partners.InvalidOutreachStep, () => outreach.Record((OutreachStage)99, Day, null, Coalition, Secretariat, Hours(1)));
        Refusal.Expect(outreach, ErrorCodes.Kernel.InvalidText, () => outreach.Record(OutreachStage.Contacted, Day, "Called\u0007", Coalition, Secretariat, Hours(1)));
    }

    [Fact]
    public void The_steps_cannot_be_changed_through_the_list_the_outreach_hands_out()
    {
        var outreach = Identified();

        Assert.Throws<NotSupportedException>(() => ((IList<OutreachStep>)outreach.Steps).Clear());
    }

    [Fact]
    public void A_refused_step_names_the_stages_in_words()
    {
        var outreach = Identified();
        outreach.Record(OutreachStage.Dormant, Day, null, Coalition, Secretariat, Hours(1));

        var error = Refusal.Expect(outreach, ErrorCodes.Partners.InvalidOutreachStep, () => outreach.Record(OutreachStage.Met, Day, null, Coalition, Secretariat, Hours(2)));

        Assert.Equal("Outreach cannot move from dormant to met; it resumes at identified.", error.Message);
    }

    [Fact]
    public void A_history_that_skips_from_identified_to_joined_is_refused()
    {
        var history = Identified().DequeueUncommittedEvents().Append(new OutreachStepRecorded(Identified().Id, OutreachStage.Joined, Day, null, Start, Secretariat));

        var error = Assert.Throws<StoredEventException>(() => Outreach.Rehydrate(history));

        Assert.Equal(ErrorCodes.Kernel.CorruptHistory, error.Code);
        Assert.Equal(2, error.Position);
    }

    [Fact]
    public void A_history_whose_steps_go_back_in_time_or_resume_elsewhere_is_refused()
    {
        var paused = Identified();
        paused.Record(OutreachStage.Contacted, Day, null, Coalition, Secretariat, Hours(1));
        paused.Record(OutreachStage.Dormant, Day, null, Coalition, Secretariat, Hours(2));
        var history = paused.DequeueUncommittedEvents().ToList();

        Assert.Throws<StoredEventException>(() => Outreach.Rehydrate([.. history, new OutreachStepRecorded(paused.Id, OutreachStage.Met, Day, null, Start, Secretariat)]));
        Assert.Throws<StoredEventException>(() => Outreach.Rehydrate([.. history, new OutreachStepRecorded(paused.Id, OutreachStage.Contacted, Day.PlusDays(-1), null, Start, Secretariat)]));
        Assert.Equal(OutreachStage.Contacted, Outreach.Rehydrate([.. history, new OutreachStepRecorded(paused.Id, OutreachStage.Contacted, Day, null, Start, Secretariat)]).Stage);
    }

    [Fact]
    public void A_refused_step_outside_a_pause_names_the_two_stages_only()
    {
        var outreach = Identified();

        var error = Refusal.Expect(outreach, ErrorCodes.Partners.InvalidOutreachStep, () => outreach.Record(OutreachStage.Invited, Day, null, Coalition, Secretariat, Hours(1)));

        Assert.Equal("Outreach cannot move from identified to invited.", error.Message);
    }

    [Fact]
    public void A_step_dated_before_the_last_one_names_both_dates()
    {
        var outreach = Identified();

        var error = Refusal.Expect(outreach, ErrorCodes.Partners.OutreachOutOfOrder, () => outreach.Record(OutreachStage.Contacted, Day.PlusDays(-1), null, Coalition, Secretariat, Hours(1)));

        Assert.Equal("The step on 1 March 2026 is dated before the previous step on 2 March 2026.", error.Message);
    }

    [Fact]
    public void Outreach_of_another_coalition_and_by_an_outsider_is_refused_in_words_naming_the_coalition()
    {
        var outreach = Identified();
        var other = global::Coalitions.Core.Coalitions.Coalition.Found(CoalitionId.New(), "Another coalition", CoalitionForm.Alliance, "Africa/Nairobi", Convenor, Secretariat, Start);

        Assert.Equal("This outreach belongs to another coalition than Another coalition.", Refusal.Expect(outreach, ErrorCodes.Coalitions.OtherCoalition, () => outreach.Record(OutreachStage.Contacted, Day, null, other, Secretariat, Hours(1))).Message);
        Assert.Contains($"outreach of {Coalition.Name}", Refusal.Expect(outreach, ErrorCodes.Coalitions.NotACoordinator, () => outreach.Record(OutreachStage.Contacted, Day, null, Coalition, ChairActor, Hours(1))).Message, StringComparison.Ordinal);
        Assert.Contains($"outreach of {Coalition.Name}", Assert.Throws<CoalitionRuleException>(() => Outreach.Identify(OutreachId.New(), Partner(5), Day, null, Coalition, For(5), Start)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prospects_note_is_checked_as_any_free_text()
    {
        Assert.Equal(ErrorCodes.Kernel.InvalidText, Assert.Throws<CoalitionRuleException>(() => Outreach.Identify(OutreachId.New(), Partner(5), Day, "Met\u0007", Coalition, Secretariat, Start)).Code);
        Assert.Equal(ErrorCodes.Kernel.InvalidText, Assert.Throws<CoalitionRuleException>(() => Outreach.Identify(OutreachId.New(), Partner(5), Day, new string('n', 2_001), Coalition, Secretariat, Start)).Code);
        Assert.Equal(new string('n', 2_000), Outreach.Identify(OutreachId.New(), Partner(5), Day, new string('n', 2_000), Coalition, Secretariat, Start).Steps[0].Note);
    }

    [Fact]
    public void A_stored_history_is_refused_with_the_reason_its_event_breaks()
    {
        var identified = Identified();
        var first = (ProspectIdentified)identified.DequeueUncommittedEvents().Single();

        Assert.EndsWith("the date lies outside the years 1900 to 2999.", Assert.Throws<StoredEventException>(() => Outreach.Rehydrate([first with { On = new NodaTime.LocalDate(1899, 12, 31) }])).Message, StringComparison.Ordinal);
        Assert.EndsWith("outreach cannot move from identified to joined.", Assert.Throws<StoredEventException>(() => Outreach.Rehydrate([first, new OutreachStepRecorded(first.Outreach, OutreachStage.Joined, Day, null, Start, Secretariat)])).Message, StringComparison.Ordinal);
        Assert.EndsWith("the step is dated before the previous step, or after 2999.", Assert.Throws<StoredEventException>(() => Outreach.Rehydrate([first, new OutreachStepRecorded(first.Outreach, OutreachStage.Contacted, Day.PlusDays(-1), null, Start, Secretariat)])).Message, StringComparison.Ordinal);
        Assert.EndsWith("the step is dated before the previous step, or after 2999.", Assert.Throws<StoredEventException>(() => Outreach.Rehydrate([first, new OutreachStepRecorded(first.Outreach, OutreachStage.Contacted, new NodaTime.LocalDate(3000, 1, 1), null, Start, Secretariat)])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_joined_outreach_admits_no_stored_step_after_it()
    {
        var joined = Joined();
        var history = joined.DequeueUncommittedEvents().ToList();

        foreach (var stage in Enum.GetValues<OutreachStage>())
        {
            Assert.EndsWith($"outreach cannot move from joined to {Words.Of(stage)}.", Assert.Throws<StoredEventException>(() => Outreach.Rehydrate([.. history, new OutreachStepRecorded(joined.Id, stage, Day, null, Start, Secretariat)])).Message, StringComparison.Ordinal);
        }
    }
}
