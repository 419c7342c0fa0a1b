using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using NodaTime;
using static Coalitions.Core.Decisions.Stance;
using static Coalitions.Core.Tests.Kit.ProposalScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Decisions;

/// <summary>
/// What a proposal's refusals say. A refusal is read twice: its message, in plain English, by the person who was refused,
/// and its template and values by a host that translates it or links the members it names. So each refusal names the
/// proposal, the member by its name in the electorate and, as a value, the member's id; a refusal that says only its code
/// leaves the person guessing which of their members or which rule it was.
/// </summary>
public class ProposalRefusalWordsTests
{
    private const string Title = "'Adopt the open data position'";

    private static readonly DecisionRule Fsc = DecisionRule.SimpleMajority().WithProxies();

    private static void Says(CoalitionRuleException refusal, string message, params (string Name, object Value)[] values)
    {
        var failure = refusal.Failures[0];
        Assert.Equal(message, failure.Message);
        foreach (var (name, value) in values)
        {
            Assert.True(failure.Values.TryGetValue(name, out var given), $"the refusal has no value '{name}': {string.Join(", ", failure.Values.Keys)}");
            Assert.Equal(value, given);
        }
    }

    [Fact]
    public void A_draft_in_another_members_name_is_refused_as_a_new_proposal()
    {
        var refusal = Assert.Throws<CoalitionRuleException>(() => Proposal.Draft(ProposalNumber(1), DraftOf(DecisionRule.SimpleMajority()), For(2), Start));

        Assert.Equal(ErrorCodes.Decisions.NotTheProposer, refusal.Code);
        Says(
            refusal,
            $"Person {Person(2)} acting for partner {Partner(2)} may not draft a new proposal: only a representative of the member who proposes it, acting for that member may.",
            ("subject", "a new proposal"));
    }

    [Fact]
    public void A_proposer_trying_to_second_its_own_motion_is_told_it_proposed_it()
    {
        var proposal = Discussed(DecisionRule.SimpleMajority(), secondersRequired: 1);

        var refusal = Refusal.Expect(proposal, ErrorCodes.Decisions.InvalidSeconder, () => proposal.SecondBy(1));

        Says(refusal, $"Member 1 proposed {Title} and cannot second it.", ("partner", Partner(1)));
    }

    [Fact]
    public void A_member_seconding_twice_is_told_it_has_seconded_already()
    {
        var proposal = Discussed(DecisionRule.SimpleMajority(), secondersRequired: 2);
        proposal.SecondBy(2);

        var refusal = Refusal.Expect(proposal, ErrorCodes.Decisions.InvalidSeconder, () => proposal.SecondBy(2));

        Says(refusal, $"Member 2 has seconded {Title} already.", ("partner", Partner(2)));
    }

    [Fact]
    public void A_member_declaring_the_same_interest_twice_is_told_it_is_recused_already()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(3));
        proposal.DeclareConflictOfInterest(Partner(2), "Our director chairs the applicant.", For(2), Hours(1));

        var refusal = Refusal.Expect(proposal, ErrorCodes.Decisions.Recused, () => proposal.DeclareConflictOfInterest(Partner(2), "Again.", For(2), Hours(2)));

        Says(refusal, $"Member 2 is already recused from {Title}.", ("partner", Partner(2)));
    }

    [Fact]
    public void A_member_outside_the_electorate_declaring_an_interest_is_named_with_its_id()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(3));

        var refusal = Refusal.Expect(proposal, ErrorCodes.Decisions.NotInElectorate, () => proposal.DeclareConflictOfInterest(Partner(7), "Our director chairs the applicant.", For(7), Hours(1)));

        Says(refusal, $"Partner {Partner(7)} is not in the electorate of {Title}.", ("partner", Partner(7)), ("title", Title));
    }

    [Fact]
    public void Voting_with_every_voter_recused_is_refused_in_words_that_say_so()
    {
        var proposal = Discussed(DecisionRule.SimpleMajority());
        proposal.DeclareConflictOfInterest(Partner(1), "Our director chairs the applicant.", For(1), Start);

        var refusal = Refusal.Expect(proposal, ErrorCodes.Decisions.EmptyElectorate, () => proposal.OpenVoting(Members(1), ChairActor, Start));

        Says(refusal, $"Voting on {Title} needs at least one voter who is not recused; this electorate has none.");
    }

    [Fact]
    public void A_chamber_vote_before_an_electorate_without_chambers_is_refused_in_words_that_say_so()
    {
        var proposal = Discussed(DecisionRule.ChamberVote(PassCondition.MoreThan(Fraction.Half, VoteBase.VotesCast)));

        var refusal = Refusal.Expect(proposal, ErrorCodes.Decisions.ChambersRequired, () => proposal.OpenVoting(Members(3), ChairActor, Start));

        Says(refusal, $"{Title} is decided by a chamber vote (or falls back to one), but the electorate has no chambers.");
    }

    [Fact]
    public void Voting_whose_deadline_would_fall_after_2999_names_the_deadline()
    {
        var proposal = Discussed(DecisionRule.SimpleMajority());

        var refusal = Refusal.Expect(proposal, ErrorCodes.Kernel.OutOfRange, () => proposal.OpenVoting(Members(3), ChairActor, Instant.FromUtc(2999, 12, 28, 0, 0)));

        Says(refusal, "The deadline would fall after the year 2999 (or before 1900).", ("name", "deadline"));
    }

    [Fact]
    public void Attendance_naming_a_member_who_is_not_a_voter_names_that_member()
    {
        var proposal = Voting(InMeeting, Members(3));
        proposal.DeclareConflictOfInterest(Partner(3), "Our director chairs the applicant.", For(3), Hours(1));

        var refusal = Refusal.Expect(proposal, ErrorCodes.Decisions.NotInElectorate, () => proposal.RecordAttendance([Partner(1), Partner(3)], ChairActor, Hours(2)));

        Says(refusal, $"Member 3 is not a voter on {Title}, so cannot be recorded present.", ("partner", Partner(3)));
    }

    [Fact]
    public void A_proxy_under_a_round_whose_rule_takes_none_names_the_round()
    {
        var proposal = Voting(ConsensusWithFallback, Members(3));
        proposal.Vote(1, Support);
        proposal.Vote(2, Block);
        proposal.Vote(3, Support);
        proposal.Close(ChairActor, Hours(2));

        var refusal = Refusal.Expect(proposal, ErrorCodes.Decisions.ProxiesNotAllowed, () => proposal.GrantProxy(Partner(1), Person(3), Partner(3), For(1), Hours(3)));

        Says(refusal, $"The rule of round 2 of {Title} takes no proxies.", ("round", 2), ("title", Title));
    }

    [Fact]
    public void Revoking_a_proxy_never_given_names_the_member()
    {
        var proposal = Voting(Fsc, Members(9));

        var refusal = Refusal.Expect(proposal, ErrorCodes.Decisions.NoProxy, () => proposal.RevokeProxy(Partner(1), For(1), Hours(1)));

        Says(refusal, $"Member 1 has no proxy in force on {Title}.", ("voter", "Member 1"), ("partner", Partner(1)), ("title", Title));
    }

    [Fact]
    public void A_recused_member_giving_its_proxy_is_told_it_takes_no_part()
    {
        var proposal = Voting(Fsc, Members(9));
        proposal.DeclareConflictOfInterest(Partner(1), "Our director chairs the applicant.", For(1), Hours(1));

        var refusal = Refusal.Expect(proposal, ErrorCodes.Decisions.Recused, () => proposal.GrantProxy(Partner(1), Person(3), Partner(3), For(1), Hours(2)));

        Says(refusal, $"Member 1 declared a conflict of interest on {Title} and takes no part, by proxy or otherwise.", ("partner", Partner(1)));
    }

    [Fact]
    public void A_member_outside_the_frozen_electorate_has_no_vote_to_give_by_proxy()
    {
        var proposal = Voting(Fsc, Members(5));

        // Member 12's own representative, acting for it: who acts is right, but member 12 has no vote on this proposal.
        var refusal = Refusal.Expect(proposal, ErrorCodes.Decisions.NotInElectorate, () => proposal.GrantProxy(Partner(12), Person(3), Partner(3), For(12), Hours(1)));

        Says(refusal, $"Partner {Partner(12)} is not in the electorate of {Title}, so has no vote to give.", ("partner", Partner(12)));
        Assert.Empty(proposal.Proxies);
    }

    [Fact]
    public void A_proxy_to_someone_who_does_not_represent_the_holders_member_says_who_and_why()
    {
        var proposal = Voting(Fsc, Members(9));

        var refusal = Refusal.Expect(proposal, ErrorCodes.Decisions.InvalidProxy, () => proposal.GrantProxy(Partner(1), Person(4), Partner(3), For(1), Hours(1)));

        Says(
            refusal,
            $"Member 1 cannot give its proxy on {Title} to person {Person(4)}: the holder is not one of the representatives the electorate lists for the holder's member.",
            ("partner", Partner(1)),
            ("person", Person(4)),
            ("member", "Member 3"));
    }

    [Fact]
    public void A_member_that_has_voted_itself_is_told_its_own_ballot_stands()
    {
        var proposal = Voting(Fsc, Members(9));
        proposal.Vote(1, Oppose, 1);

        var refusal = Refusal.Expect(proposal, ErrorCodes.Decisions.PrincipalHasVoted, () => proposal.GrantProxy(Partner(1), Person(3), Partner(3), For(1), Hours(2)));

        Says(refusal, $"Member 1 has voted itself in this round of {Title}; its own ballot stands.", ("partner", Partner(1)));
    }

    [Fact]
    public void Giving_the_same_proxy_twice_names_the_holder_who_has_it()
    {
        var proposal = Voting(Fsc, Members(9));
        proposal.GrantProxy(Partner(1), Person(3), Partner(3), For(1), Hours(1));

        var refusal = Refusal.Expect(proposal, ErrorCodes.Decisions.InvalidProxy, () => proposal.GrantProxy(Partner(1), Person(3), Partner(3), For(1), Hours(2)));

        Says(refusal, $"Person {Person(3)} holds the proxy of Member 1 on {Title} already.", ("partner", Partner(1)), ("person", Person(3)));
    }

    [Fact]
    public void A_holder_at_the_cap_is_named_with_the_cap()
    {
        var proposal = Voting(DecisionRule.SimpleMajority().WithProxies(2), Members(9));
        proposal.GrantProxy(Partner(1), Person(7), Partner(7), For(1), Hours(1));
        proposal.GrantProxy(Partner(2), Person(7), Partner(7), For(2), Hours(1));

        var refusal = Refusal.Expect(proposal, ErrorCodes.Decisions.ProxyCapExceeded, () => proposal.GrantProxy(Partner(3), Person(7), Partner(7), For(3), Hours(2)));

        Says(refusal, $"Person {Person(7)} carries 2 proxies on {Title} already, as many as its rule allows.", ("person", Person(7)), ("cap", 2));
    }

    [Fact]
    public void A_tie_the_chair_must_break_is_refused_in_words_that_ask_for_the_casting_vote()
    {
        var proposal = Voting(DecisionRule.SimpleMajority().WithCastingVote(), Members(2));
        proposal.Vote(1, Support);
        proposal.Vote(2, Oppose);

        var refusal = Refusal.Expect(proposal, ErrorCodes.Decisions.CastingVoteRequired, () => proposal.Close(ChairActor, Hours(2)));

        Says(refusal, $"The vote on {Title} is tied and the rule gives the chair a casting vote: close with the chair's casting vote.");
    }

    [Fact]
    public void Closing_a_proposal_that_is_not_voting_says_where_it_stands()
    {
        var proposal = Discussed(DecisionRule.SimpleMajority());

        var refusal = Refusal.Expect(proposal, ErrorCodes.Decisions.VotingNotOpen, () => proposal.Close(ChairActor, Hours(1)));

        Says(refusal, $"Voting on {Title} is not open: it is discussion.", ("title", Title), ("status", ProposalStatus.Discussion));
    }

    [Fact]
    public void Closing_before_the_deadline_says_until_when_and_on_what_terms_voting_stays_open()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(3));
        proposal.Vote(1, Support);

        var refusal = Refusal.Expect(proposal, ErrorCodes.Decisions.VotingStillOpen, () => proposal.Close(ChairActor, Hours(2)));

        Says(
            refusal,
            $"Voting on {Title} stays open until 9 March 2026 at 09:00 UTC: it closes when the deadline has passed, or the rule allows closing early and everyone has voted or the outcome is settled.",
            ("title", Title),
            ("deadline", Start + Duration.FromDays(7)),
            ("conditions", "the deadline has passed, or the rule allows closing early and everyone has voted or the outcome is settled"));
    }

    [Fact]
    public void A_casting_vote_under_a_rule_that_gives_none_is_refused_in_words_that_say_so()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(2));
        proposal.Vote(1, Support);
        proposal.Vote(2, Oppose);

        var refusal = Refusal.Expect(proposal, ErrorCodes.Decisions.InvalidCastingVote, () => proposal.Close(ChairActor, Hours(2), castingVote: Support));

        Says(refusal, $"The rule of {Title} gives no casting vote, or the system tried to give the chair's.", ("title", Title));
    }

    [Fact]
    public void There_is_no_preview_of_an_outcome_before_voting_opens()
    {
        var proposal = Discussed(DecisionRule.SimpleMajority());

        var refusal = Assert.Throws<CoalitionRuleException>(() => proposal.PreviewOutcome());

        Assert.Equal(ErrorCodes.Decisions.VotingNotOpen, refusal.Code);
        Says(refusal, $"Voting on {Title} has not opened, so there is nothing to tally.");
    }

    [Fact]
    public void A_round_is_neither_closed_nor_amended_before_it_opened()
    {
        var proposal = Voting(DecisionRule.Consent(), Members(2));
        proposal.Vote(1, Stance.Object);
        proposal.Vote(2, Stance.Object);
        var before = Start - Duration.Epsilon;

        var closing = Refusal.Expect(proposal, ErrorCodes.Decisions.VotingNotOpen, () => proposal.Close(ChairActor, before));
        Says(closing, $"Round 1 of {Title} opened at 2 March 2026 at 09:00 UTC; it cannot close before that.", ("round", 1), ("opened", Start));
        var amending = Refusal.Expect(proposal, ErrorCodes.Decisions.VotingNotOpen, () => proposal.Revise("An amended text.", null, For(1), before));
        Says(amending, $"Round 1 of {Title} opened at 2 March 2026 at 09:00 UTC; it cannot be amended before that.", ("round", 1), ("opened", Start));

        proposal.Revise("An amended text.", null, For(1), Start);
        Assert.Equal(2, proposal.Round);
    }

    [Fact]
    public void A_reopened_vote_is_stored_as_the_next_round()
    {
        var proposal = Voting(DecisionRule.Consensus().WithFallback(ThreeQuarters, FallbackWhen.Blocked, afterRounds: 2), Members(2));
        proposal.Vote(1, Support);
        proposal.Vote(2, Block);
        proposal.Close(ChairActor, Hours(2));
        proposal.Revise("A revised text that meets the objection.", null, For(1), Hours(3));

        proposal.ReopenVoting(ChairActor, Hours(4));

        var history = proposal.DequeueUncommittedEvents();
        Assert.Equal(2, history.OfType<VotingOpened>().Last().Round);
        Assert.Equal(2, Proposal.Rehydrate(history).Round);
    }

    [Fact]
    public void A_reopened_round_whose_deadline_would_fall_after_2999_names_the_deadline()
    {
        var nearTheEnd = Instant.FromUtc(2999, 12, 20, 0, 0);
        var proposal = Discussed(DecisionRule.Consensus().WithFallback(ThreeQuarters, FallbackWhen.Blocked, afterRounds: 2));
        proposal.OpenVoting(Members(2), ChairActor, nearTheEnd);
        proposal.CastBallot(Partner(1), Support, null, For(1), nearTheEnd + Duration.FromHours(1));
        proposal.CastBallot(Partner(2), Block, "A reason.", For(2), nearTheEnd + Duration.FromHours(1));
        proposal.Close(ChairActor, nearTheEnd + Duration.FromHours(2));
        proposal.Revise("A revised text that meets the objection.", null, For(1), nearTheEnd + Duration.FromDays(6));

        var refusal = Refusal.Expect(proposal, ErrorCodes.Kernel.OutOfRange, () => proposal.ReopenVoting(ChairActor, nearTheEnd + Duration.FromDays(6)));

        Says(refusal, "The deadline would fall after the year 2999 (or before 1900).");
    }

    [Fact]
    public void A_ballot_before_voting_opens_says_where_the_proposal_stands()
    {
        var proposal = Discussed(DecisionRule.SimpleMajority());

        var refusal = Refusal.Expect(proposal, ErrorCodes.Decisions.VotingNotOpen, () => proposal.Vote(1, Support));

        Says(refusal, $"Voting on {Title} is not open: it is discussion.", ("title", Title), ("status", ProposalStatus.Discussion));
    }

    [Fact]
    public void A_ballot_or_a_proxy_after_the_deadline_names_the_deadline_and_what_is_no_longer_taken()
    {
        var proposal = Voting(Fsc, Members(3));
        var deadline = proposal.Deadline!.Value;

        var ballot = Refusal.Expect(proposal, ErrorCodes.Decisions.VotingNotOpen, () => proposal.CastBallot(Partner(1), Support, null, For(1), deadline));
        var proxy = Refusal.Expect(proposal, ErrorCodes.Decisions.VotingNotOpen, () => proposal.GrantProxy(Partner(2), Person(3), Partner(3), For(2), deadline));

        Says(ballot, $"The deadline of {Title}, 9 March 2026 at 09:00 UTC, has passed; ballots and objections are no longer taken.", ("title", Title), ("deadline", deadline));
        Says(proxy, $"The deadline of {Title}, 9 March 2026 at 09:00 UTC, has passed; proxies are no longer given or revoked.", ("title", Title), ("deadline", deadline));
    }

    [Fact]
    public void A_recused_member_casting_a_ballot_is_told_it_takes_no_part()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(3));
        proposal.DeclareConflictOfInterest(Partner(2), "Our director chairs the applicant.", For(2), Hours(1));

        var refusal = Refusal.Expect(proposal, ErrorCodes.Decisions.Recused, () => proposal.Vote(2, Support, 2));

        Says(refusal, $"Member 2 declared a conflict of interest on {Title} and takes no part.", ("voter", "Member 2"), ("partner", Partner(2)), ("title", Title));
    }

    [Fact]
    public void A_ballot_from_outside_the_frozen_electorate_names_the_partner()
    {
        var proposal = Voting(DecisionRule.SimpleMajority(), Members(3));

        var refusal = Refusal.Expect(proposal, ErrorCodes.Decisions.NotInElectorate, () => proposal.Vote(9, Support));

        Says(refusal, $"Partner {Partner(9)} is not in the electorate of {Title}, frozen when voting opened.", ("partner", Partner(9)), ("title", Title));
    }

    [Fact]
    public void A_proxy_ballot_in_a_fallback_round_whose_rule_takes_no_proxies_names_the_round_and_the_member()
    {
        // The proxy given in the first round stays in force, but the fallback round's rule takes none.
        var proposal = Voting(Fsc.WithFallback(DecisionRule.SimpleMajority()), Members(3));
        proposal.GrantProxy(Partner(2), Person(3), Partner(3), For(2), Hours(1));
        proposal.Vote(1, Oppose);
        proposal.Vote(3, Oppose);
        proposal.Close(ChairActor, proposal.Deadline!.Value);
        var inFallback = proposal.Rounds[^1].OpenedAt + Duration.FromHours(1);

        var refusal = Refusal.Expect(proposal, ErrorCodes.Decisions.ProxiesNotAllowed, () => proposal.CastBallot(Partner(2), Support, null, HolderFor(3, 2), inFallback));

        Says(refusal, $"The rule of round 2 of {Title} takes no proxies; Member 2 votes through its own representatives.", ("round", 2), ("title", Title), ("voter", "Member 2"));
    }

    [Fact]
    public void A_block_without_a_reason_or_a_reason_too_long_says_what_the_reason_lacks()
    {
        var proposal = Voting(DecisionRule.Consensus(), Members(3));

        var missing = Refusal.Expect(proposal, ErrorCodes.Decisions.ReasonRequired, () => proposal.CastBallot(Partner(2), Block, null, For(2), Hours(1)));
        var tooLong = Refusal.Expect(proposal, ErrorCodes.Kernel.InvalidText, () => proposal.CastBallot(Partner(2), Block, new string('x', Limits.ReasonLength + 1), For(2), Hours(1)));

        Says(missing, "Member 2 must give a reason to block.", ("voter", "Member 2"), ("partner", Partner(2)), ("stance", Block));
        Says(tooLong, "The reason has at most 2,000 characters.", ("limit", Limits.ReasonLength));
    }

    [Fact]
    public void A_standing_proxy_that_cannot_be_frozen_says_whose_to_whom_and_why()
    {
        var proposal = Discussed(Fsc);

        var grantedByAnother = Refusal.Expect(proposal, ErrorCodes.Decisions.InvalidProxy, () => proposal.OpenVoting(Members(5), ChairActor, Start, [Standing(4, holder: 3, grantedBy: 3)]));
        var twice = Refusal.Expect(proposal, ErrorCodes.Decisions.InvalidProxy, () => proposal.OpenVoting(Members(5), ChairActor, Start, [Standing(4, holder: 3), Standing(4, holder: 2)]));
        var toItself = Refusal.Expect(proposal, ErrorCodes.Decisions.InvalidProxy, () => proposal.OpenVoting(Members(5), ChairActor, Start, [Standing(4, holder: 4)]));

        Says(grantedByAnother, $"The standing proxy of Member 4 to person {Person(3)} cannot be frozen into {Title}: it was given by a person the electorate does not list as the principal's representative.", ("voter", "Member 4"), ("partner", Partner(4)), ("person", Person(3)), ("title", Title));
        Says(twice, $"The standing proxy of Member 4 to person {Person(2)} cannot be frozen into {Title}: the principal has another standing proxy in force.", ("voter", "Member 4"), ("person", Person(2)));
        Assert.StartsWith($"The standing proxy of Member 4 to person {Person(4)} cannot be frozen into {Title}: ", toItself.Failures[0].Message);
    }

    [Fact]
    public void Standing_proxies_beyond_the_holders_cap_name_the_holder_and_the_cap()
    {
        var proposal = Discussed(DecisionRule.SimpleMajority().WithProxies(maxPerHolder: 1));

        var refusal = Refusal.Expect(proposal, ErrorCodes.Decisions.ProxyCapExceeded, () => proposal.OpenVoting(Members(5), ChairActor, Start, [Standing(4, holder: 3), Standing(5, holder: 3)]));

        Says(refusal, $"Person {Person(3)} would carry more than 1 standing proxies on {Title}, more than its rule allows.", ("person", Person(3)), ("cap", 1), ("title", Title));
    }

    [Fact]
    public void A_list_of_standing_proxies_holding_nothing_is_named_as_such()
    {
        var proposal = Discussed(Fsc);

        var refusal = Refusal.Expect(proposal, ErrorCodes.Kernel.InvalidInput, () => proposal.OpenVoting(Members(5), ChairActor, Start, [Standing(4, holder: 3), null!]));

        Says(refusal, "The standing proxies hold a null item.", ("name", "standing proxies"));
    }

    [Fact]
    public void A_standing_proxy_made_without_its_constructor_is_refused_like_one_with_an_empty_id()
    {
        var proposal = Discussed(Fsc);
        var unmade = (StandingProxy)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(StandingProxy));

        Refusal.Expect(proposal, ErrorCodes.Kernel.EmptyId, () => proposal.OpenVoting(Members(5), ChairActor, Start, [unmade]));
    }

    // A host's mapper or serializer that skips constructors (RuntimeHelpers.GetUninitializedObject, some ORMs) can hand
    // over a standing proxy its constructor would have refused: the proposal checks each one again when voting opens.
    [Theory]
    [InlineData("Principal", "empty id", "Kernel.EmptyId")]
    [InlineData("Holder", "empty id", "Kernel.EmptyId")]
    [InlineData("HolderMember", "empty id", "Kernel.EmptyId")]
    [InlineData("GrantedBy", "empty id", "Kernel.EmptyId")]
    [InlineData("From", "just before 1900", "Kernel.OutOfRange")]
    [InlineData("From", "the year 3000", "Kernel.OutOfRange")]
    [InlineData("Until", "its start", "Decisions.InvalidProxy")]
    [InlineData("Until", "the year 3000", "Decisions.InvalidProxy")]
    public void A_standing_proxy_forged_past_its_constructor_is_refused_when_voting_opens(string property, string value, string code)
    {
        var proposal = Discussed(Fsc);
        var valid = Standing(4, holder: 3, until: Start + Duration.FromDays(30));
        object forged = value switch
        {
            "empty id" when property is "Principal" or "HolderMember" => default(PartnerId),
            "empty id" => default(PersonId),
            "just before 1900" => Limits.EarliestInstant - Duration.Epsilon,
            "the year 3000" when property == "Until" => (Instant?)Limits.LatestInstant,
            "the year 3000" => Limits.LatestInstant,
            _ => (Instant?)valid.From,
        };

        var expected = new[] { ErrorCodes.Kernel.EmptyId, ErrorCodes.Kernel.OutOfRange, ErrorCodes.Decisions.InvalidProxy }.Single(c => c.Code == code);
        var refusal = Refusal.Expect(proposal, expected, () => proposal.OpenVoting(Members(5), ChairActor, Start, [Forge(valid, property, forged)]));

        if (property == "From")
        {
            Assert.Equal("A standing proxy starts in the years 1900 to 2999.", refusal.Failures[0].Message);
        }
        else if (property == "Until")
        {
            Assert.Equal("A standing proxy ends after it starts, before the year 3000.", refusal.Failures[0].Message);
        }
    }

    [Fact]
    public void A_standing_proxy_forged_to_start_in_1900_or_end_just_before_3000_is_still_a_proxy()
    {
        var proposal = Discussed(Fsc);
        var earliest = Forge(Standing(4, holder: 3), "From", Limits.EarliestInstant);
        var latest = Forge(Standing(5, holder: 2), "Until", (Instant?)(Limits.LatestInstant - Duration.Epsilon));

        proposal.OpenVoting(Members(5), ChairActor, Start, [earliest, latest]);

        Assert.Equal(2, proposal.Proxies.Count);
    }

    private static StandingProxy Forge(StandingProxy valid, string property, object? value)
    {
        const System.Reflection.BindingFlags Fields = System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic;
        var copy = (StandingProxy)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(StandingProxy));
        foreach (var field in typeof(StandingProxy).GetFields(Fields))
        {
            field.SetValue(copy, field.GetValue(valid));
        }

        typeof(StandingProxy).GetField($"<{property}>k__BackingField", Fields)!.SetValue(copy, value);
        return copy;
    }

    [Fact]
    public void A_step_the_proposal_cannot_take_now_says_which_step_and_where_the_proposal_stands()
    {
        var voting = Voting(DecisionRule.SimpleMajority(), Members(3));
        var discussed = Discussed(DecisionRule.SimpleMajority());
        var rejected = Voting(DecisionRule.SimpleMajority(), Members(1));
        rejected.Vote(1, Oppose);
        rejected.Close(ChairActor, Hours(2));

        Says(Refusal.Expect(voting, ErrorCodes.Decisions.InvalidTransition, () => voting.SecondBy(2)), $"{Title} cannot be seconded while it is voting.", ("action", "be seconded"), ("status", ProposalStatus.Voting));
        Says(Refusal.Expect(rejected, ErrorCodes.Decisions.InvalidTransition, () => rejected.DeclareConflictOfInterest(Partner(1), "An interest.", For(1), Hours(3))), $"{Title} cannot take a declaration of interest while it is closed.");
        Says(Refusal.Expect(discussed, ErrorCodes.Decisions.VotingNotOpen, () => discussed.RecordAttendance([Partner(1)], ChairActor, Hours(1))), $"{Title} cannot record attendance while it is discussion.");
        Says(Refusal.Expect(rejected, ErrorCodes.Decisions.InvalidTransition, () => rejected.Withdraw(null, For(1), Hours(3))), $"{Title} cannot be withdrawn while it is closed.");
        Says(Refusal.Expect(discussed, ErrorCodes.Decisions.NotAdopted, () => discussed.ScheduleReview(new LocalDate(2027, 3, 1), ChairActor, Hours(1))), $"{Title} cannot be given a review date while it is discussion.");
        Says(
            Refusal.Expect(rejected, ErrorCodes.Decisions.NotAdopted, () => rejected.MarkImplemented(null, ChairActor, Hours(3))),
            $"{Title} cannot be marked implemented while it is closed: it requires that the proposal was adopted.",
            ("requirements", new[] { "the proposal was adopted" }));
    }

    [Fact]
    public void Reopening_a_vote_before_the_text_was_revised_says_what_it_requires()
    {
        var proposal = Voting(DecisionRule.Consensus().WithFallback(ThreeQuarters, FallbackWhen.Blocked, afterRounds: 2), Members(2));
        proposal.Vote(1, Support);
        proposal.Vote(2, Block);
        proposal.Close(ChairActor, Hours(2));

        var refusal = Refusal.Expect(proposal, ErrorCodes.Decisions.RevisionRequired, () => proposal.ReopenVoting(ChairActor, Hours(3)));

        Assert.StartsWith($"{Title} cannot reopen for voting while it is discussion: it requires that ", refusal.Failures[0].Message);
    }
}
