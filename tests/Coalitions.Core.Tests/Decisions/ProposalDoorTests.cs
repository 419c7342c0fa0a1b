using System.Globalization;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Decisions.Stance;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Decisions;

/// <summary>Every input a proposal takes is checked at the door with a coded refusal; nothing crashes later.</summary>
public class ProposalDoorTests
{
    private static readonly ProposalDraft Plain = ProposalScenario.DraftOf(DecisionRule.SimpleMajority());

    [Fact]
    public void A_proposal_never_has_the_empty_id()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => Proposal.Draft(default, Plain, For(1), Start));

        Assert.Equal(ErrorCodes.Kernel.EmptyId, error.Code);
    }

    [Fact]
    public void A_draft_names_a_real_coalition_and_real_facilitators()
    {
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Proposal.Draft(ProposalNumber(1), Plain with { Coalition = default }, For(1), Start)).Has(ErrorCodes.Kernel.EmptyId));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Proposal.Draft(ProposalNumber(1), Plain with { Facilitators = [Chair, default] }, For(1), Start)).Has(ErrorCodes.Kernel.EmptyId));
    }

    [Fact]
    public void A_draft_without_a_rule_or_a_list_of_facilitators_is_refused_with_a_code()
    {
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Proposal.Draft(ProposalNumber(1), Plain with { Rule = null! }, For(1), Start)).Has(ErrorCodes.Decisions.InvalidProposal));
        Assert.True(Assert.Throws<CoalitionRuleException>(() => Proposal.Draft(ProposalNumber(1), Plain with { Facilitators = null! }, For(1), Start)).Has(ErrorCodes.Decisions.InvalidProposal));
        Assert.Throws<CoalitionRuleException>(() => Proposal.Draft(ProposalNumber(1), null!, For(1), Start));
    }

    [Fact]
    public void A_matter_is_a_defined_value()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => Proposal.Draft(ProposalNumber(1), Plain with { Matter = (MatterType)99 }, For(1), Start));

        Assert.True(error.Has(ErrorCodes.Kernel.InvalidInput));
    }

    [Theory]
    [InlineData("Two\nlines", "A text.")]
    [InlineData("Bell\u0007", "A text.")]
    [InlineData("A title", "Bell\u0007text")]
    [InlineData("A title", "")]
    public void A_title_is_one_line_and_a_text_holds_no_control_characters(string title, string text)
    {
        var error = Assert.Throws<CoalitionRuleException>(() => Proposal.Draft(ProposalNumber(1), Plain with { Title = title, Text = text }, For(1), Start));

        Assert.True(error.Has(ErrorCodes.Kernel.InvalidText));
    }

    [Fact]
    public void A_text_has_at_most_twenty_thousand_characters()
    {
        var draft = Proposal.Draft(ProposalNumber(1), Plain, For(1), Start);

        Refusal.Expect(draft, ErrorCodes.Kernel.InvalidText, () => draft.Revise(new string('x', Limits.DocumentLength + 1), null, For(1), Hours(1)));
        draft.Revise(new string('x', Limits.DocumentLength), "Line one.\nLine two.", For(1), Hours(1));
    }

    [Fact]
    public void A_revision_has_a_text_and_a_note_of_at_most_two_thousand_characters()
    {
        var draft = Proposal.Draft(ProposalNumber(1), Plain, For(1), Start);

        Refusal.Expect(draft, ErrorCodes.Kernel.InvalidText, () => draft.Revise("   ", "Emptied.", For(1), Hours(1)));
        Refusal.Expect(draft, ErrorCodes.Kernel.InvalidText, () => draft.Revise("A new text.", new string('x', Limits.ReasonLength + 1), For(1), Hours(1)));
    }

    [Fact]
    public void Seconding_needs_the_electorate_to_check_membership_against()
    {
        var proposal = Discussed(DecisionRule.SimpleMajority(), secondersRequired: 1);

        Refusal.Expect(proposal, ErrorCodes.Kernel.InvalidInput, () => proposal.Second(Partner(2), null!, For(2), Hours(1)));
    }

    [Fact]
    public void Voting_needs_the_electorate_to_freeze()
    {
        var proposal = Discussed(DecisionRule.SimpleMajority());

        Refusal.Expect(proposal, ErrorCodes.Kernel.InvalidInput, () => proposal.OpenVoting(null!, ChairActor, Hours(1)));
    }

    [Fact]
    public void An_interest_is_declared_with_its_reason()
    {
        var proposal = Discussed(DecisionRule.SimpleMajority());

        Refusal.Expect(proposal, ErrorCodes.Kernel.InvalidText, () => proposal.DeclareConflictOfInterest(Partner(2), " ", For(2), Hours(1)));
    }

    [Fact]
    public void A_proxy_names_a_real_holder_and_a_real_holders_member()
    {
        var proposal = Voting(DecisionRule.SimpleMajority().WithProxies(), Members(3));

        Refusal.Expect(proposal, ErrorCodes.Kernel.EmptyId, () => proposal.GrantProxy(Partner(1), default, Partner(3), For(1), Hours(1)));
        Refusal.Expect(proposal, ErrorCodes.Kernel.EmptyId, () => proposal.GrantProxy(Partner(1), Person(3), default, For(1), Hours(1)));
    }

    [Fact]
    public void Attendance_lists_real_ids_and_no_null()
    {
        var proposal = Voting(ProposalScenario.InMeeting, Members(3));

        Refusal.Expect(proposal, ErrorCodes.Kernel.EmptyId, () => proposal.RecordAttendance([Partner(1), default], ChairActor, Hours(1)));
        Refusal.Expect(proposal, ErrorCodes.Kernel.InvalidInput, () => proposal.RecordAttendance(null!, ChairActor, Hours(1)));
    }

    [Fact]
    public void A_member_listed_twice_in_the_attendance_counts_once()
    {
        var proposal = Voting(ProposalScenario.InMeeting, Members(4));

        proposal.RecordAttendance([Partner(1), Partner(1), Partner(2)], ChairActor, Hours(1));

        Assert.Equal([Partner(1), Partner(2)], proposal.Present);
    }

    [Fact]
    public void A_review_date_lies_in_the_years_1900_to_2999()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(1));
        proposal.Vote(1, Support);
        proposal.Close(ChairActor, Hours(2));

        Refusal.Expect(proposal, ErrorCodes.Kernel.OutOfRange, () => proposal.ScheduleReview(LocalDate.MaxIsoValue, ChairActor, Hours(3)));
    }

    [Fact]
    public void A_reason_is_at_most_two_thousand_characters_without_control_characters()
    {
        var proposal = Voting(DecisionRule.Consensus(), Members(3));

        Refusal.Expect(proposal, ErrorCodes.Kernel.InvalidText, () => proposal.CastBallot(Partner(2), Block, "Bell\u0007", For(2), Hours(1)));
        Refusal.Expect(proposal, ErrorCodes.Kernel.InvalidText, () => proposal.CastBallot(Partner(2), Support, new string('x', Limits.ReasonLength + 1), For(2), Hours(1)));
        Refusal.Expect(proposal, ErrorCodes.Kernel.InvalidText, () => proposal.DeclareConflictOfInterest(Partner(2), new string('x', Limits.ReasonLength + 1), For(2), Hours(1)));
    }

    [Fact]
    public void A_reason_to_withdraw_and_a_note_of_implementation_are_at_most_two_thousand_characters()
    {
        var discussed = Discussed(DecisionRule.SimpleMajority());
        var adopted = Voting(DecisionRule.SimpleMajority(), Members(1));
        adopted.Vote(1, Support);
        adopted.Close(ChairActor, Hours(2));

        Refusal.Expect(discussed, ErrorCodes.Kernel.InvalidText, () => discussed.Withdraw(new string('x', Limits.ReasonLength + 1), For(1), Hours(1)));
        Refusal.Expect(adopted, ErrorCodes.Kernel.InvalidText, () => adopted.MarkImplemented(new string('x', Limits.ReasonLength + 1), ChairActor, Hours(3)));
    }

    [Fact]
    public void An_undefined_stance_is_refused_and_named_in_words()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(3));

        var error = Refusal.Expect(proposal, ErrorCodes.Decisions.StanceNotAccepted, () => proposal.CastBallot(Partner(2), (Stance)99, null, For(2), Hours(1)));

        Assert.Equal("A majority vote decision does not take the stance undefined value 99; it takes support, oppose and abstain.", error.Message);
    }

    [Fact]
    public void An_undefined_casting_vote_is_refused_with_a_code()
    {
        var proposal = Voting(DecisionRule.SimpleMajority().WithCastingVote(), Members(2));
        proposal.Vote(1, Support);
        proposal.Vote(2, Oppose);

        Refusal.Expect(proposal, ErrorCodes.Decisions.InvalidCastingVote, () => proposal.Close(ChairActor, Hours(2), castingVote: (Stance)0));
    }

    [Fact]
    public void A_ballot_for_the_empty_id_is_refused_and_never_counted()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(3));

        // Nobody can act for the empty id, so the door refuses it before the voter table is asked.
        Refusal.Expect(proposal, ErrorCodes.Decisions.NotARepresentative, () => proposal.CastBallot(default, Support, null, For(1), Hours(1)));

        Assert.False(proposal.CanCastBallot(default, Support, null, For(1), Hours(1)).IsAllowed);
        Assert.Empty(proposal.Ballots);
    }

    [Fact]
    public void Voting_cannot_open_with_a_fallback_to_a_chamber_vote_before_an_electorate_without_chambers()
    {
        var proposal = Discussed(DecisionRule.Consensus().WithFallback(DecisionRule.ChamberVote(PassCondition.MoreThan(Fraction.Half, VoteBase.VotesCast))));

        Refusal.Expect(proposal, ErrorCodes.Decisions.ChambersRequired, () => proposal.OpenVoting(Members(3), ChairActor, Hours(1)));
    }
}

/// <summary>A command decides everything before it records anything: at the calendar's edge it is refused whole.</summary>
public class ProposalAtomicityTests
{
    private static readonly Instant NearTheEnd = Instant.FromUtc(2999, 12, 20, 0, 0);

    private static Proposal VotingFrom(Instant opened, DecisionRule rule, Electorate electorate)
    {
        var proposal = Discussed(rule);
        proposal.OpenVoting(electorate, ChairActor, opened);
        return proposal;
    }

    [Fact]
    public void Voting_whose_deadline_would_fall_after_2999_does_not_open()
    {
        var proposal = Discussed(DecisionRule.SimpleMajority());

        Refusal.Expect(proposal, ErrorCodes.Kernel.OutOfRange, () => proposal.OpenVoting(Members(3), ChairActor, Instant.FromUtc(2999, 12, 28, 0, 0)));
    }

    [Fact]
    public void An_amendment_whose_new_round_would_end_after_2999_is_refused_whole()
    {
        var proposal = VotingFrom(NearTheEnd, DecisionRule.Consent(), Members(3));
        proposal.CastBallot(Partner(2), Stance.Object, "Not yet.", For(2), NearTheEnd + Duration.FromDays(1));

        var refusal = Refusal.Expect(proposal, ErrorCodes.Kernel.OutOfRange, () => proposal.Revise("Amended.", null, For(1), NearTheEnd + Duration.FromDays(6)));

        Assert.Equal("The deadline of the new round would fall after the year 2999 (or before 1900).", refusal.Message);

        Assert.Equal(1, proposal.Revision);
        Assert.Equal(1, proposal.Round);
    }

    [Fact]
    public void A_ballot_whose_late_quorum_extension_would_end_after_2999_is_refused_whole()
    {
        var rule = DecisionRule.SimpleMajority()
            .WithQuorum(QuorumRule.OfMembers(Fraction.Half))
            .WithVotingPeriod(Duration.FromDays(4))
            .WithLateQuorumExtension(Duration.FromDays(3));
        var opened = Instant.FromUtc(2999, 12, 27, 0, 0);
        var proposal = VotingFrom(opened, rule, Members(2));

        var refusal = Refusal.Expect(proposal, ErrorCodes.Kernel.OutOfRange, () => proposal.CastBallot(Partner(1), Support, null, For(1), opened + Duration.FromDays(3)));

        Assert.Equal("The extended deadline would fall after the year 2999 (or before 1900).", refusal.Message);

        Assert.Empty(proposal.BallotHistory);
    }

    [Fact]
    public void An_objection_whose_fallback_round_would_end_after_2999_is_refused_whole()
    {
        var proposal = VotingFrom(Instant.FromUtc(2999, 12, 25, 0, 0), ProposalScenario.Silence, Members(3));

        Refusal.Expect(proposal, ErrorCodes.Kernel.OutOfRange, () => proposal.CastBallot(Partner(2), Stance.Object, "We object.", For(2), Instant.FromUtc(2999, 12, 26, 0, 0)));

        Assert.Equal(ProposalStatus.Voting, proposal.Status);
        Assert.Empty(proposal.BallotHistory);
    }

    [Fact]
    public void Closing_into_a_fallback_round_that_would_end_after_2999_is_refused_whole()
    {
        var proposal = VotingFrom(NearTheEnd, ProposalScenario.ConsensusWithFallback, Members(2));
        proposal.CastBallot(Partner(1), Support, null, For(1), NearTheEnd + Duration.FromDays(1));
        proposal.CastBallot(Partner(2), Block, "No.", For(2), NearTheEnd + Duration.FromDays(1));

        Refusal.Expect(proposal, ErrorCodes.Kernel.OutOfRange, () => proposal.Close(ChairActor, NearTheEnd + Duration.FromDays(6)));

        Assert.Null(proposal.Rounds[0].Ending);
    }

    [Fact]
    public void An_objection_and_the_fallback_round_it_opens_are_recorded_together()
    {
        var proposal = Voting(ProposalScenario.Silence, Members(3));
        proposal.DequeueUncommittedEvents();

        proposal.Vote(2, Stance.Object);

        Assert.Equal([typeof(BallotCast), typeof(RoundClosed), typeof(VotingOpened)], proposal.DequeueUncommittedEvents().Select(e => e.GetType()));
    }
}

/// <summary>Refusals read as sentences: names, not ids; words and the invariant culture, not enum identifiers; values in structured form.</summary>
public class ProposalMessageTests
{
    [Fact]
    public void A_refusal_names_the_voter_and_the_proposal()
    {
        var proposal = Voting(DecisionRule.SimpleMajority().WithFinalBallots(), Members(3));
        proposal.Vote(2, Oppose);

        var error = Refusal.Expect(proposal, ErrorCodes.Decisions.BallotIsFinal, () => proposal.Vote(2, Support, 2));

        Assert.Equal("Member 2 has voted on 'Adopt the open data position', and under its rule a ballot cannot be changed.", error.Message);
        Assert.Equal(Partner(2), error.Failures[0].Values["partner"]);
    }

    [Fact]
    public void A_refusal_gives_dates_and_states_in_words_whatever_the_current_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            var proposal = Voting(DecisionRule.SimpleMajority().WithVotingPeriod(Duration.FromHours(48)), Members(3));

            var late = Refusal.Expect(proposal, ErrorCodes.Decisions.VotingNotOpen, () => proposal.Vote(2, Support, 50));
            var early = Refusal.Expect(proposal, ErrorCodes.Decisions.InvalidTransition, () => proposal.Submit(For(1), Hours(1)));

            Assert.Equal("The deadline of 'Adopt the open data position', 4 March 2026 at 09:00 UTC, has passed; ballots and objections are no longer taken.", late.Message);
            Assert.Equal(Start + Duration.FromHours(48), late.Failures[0].Values["deadline"]);
            Assert.Equal("'Adopt the open data position' cannot be submitted while it is voting.", early.Message);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void A_lifecycle_refusal_says_what_it_requires()
    {
        var proposal = Discussed(DecisionRule.SimpleMajority(), secondersRequired: 2);

        var error = Refusal.Expect(proposal, ErrorCodes.Decisions.NotEnoughSeconders, () => proposal.OpenVoting(Members(3), ChairActor, Hours(1)));

        Assert.EndsWith("cannot open for voting while it is discussion: it requires that seconded by as many members as the rule book requires.", error.Message, StringComparison.Ordinal);
    }
}
