#pragma warning disable IDE0008, IDE0039 // the answers read as a program's statements
using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Partners;
using NodaTime;

namespace GuideCode;

/// <summary>
/// The answers of docs/how-to/decisions.md, each a region copied into the page; run by
/// Coalitions.Core.Tests.Docs.HowToTests on the coalition that docs/getting-started.md builds.
/// </summary>
public static class HowToDecisions
{
    public static (RuleCheck Early, DecisionOutcome Outcome) Silence(List<Partner> partners, Coalition coalition, PersonId coordinatorPerson, Actor coordinator, Func<Partner, Actor> DelegateOf)
    {
        #region snippet:silence
        var now = Instant.FromUtc(2026, 3, 16, 9, 0);

        // A matter the rule book does not name is decided by the rule the draft gives: here the silence procedure,
        // adopted at the end of 72 hours unless a member objects.
        var rule = DecisionRule.SilenceProcedure(Duration.FromHours(72));
        var statement = Proposal.Draft(
            ProposalId.New(),
            new ProposalDraft(coalition.Id, MatterType.Custom, "Statement on the education budget", "The coalition calls for 6 % of GDP for education.",
                partners[1].Id, rule, [coordinatorPerson], CustomMatter: "Public statement"),
            DelegateOf(partners[1]),
            now);
        statement.Submit(DelegateOf(partners[1]), now);
        statement.OpenVoting(coalition.ElectorateFor(MatterType.Custom, now), coordinator, now);

        // Before the deadline it cannot close; at the deadline the host's scheduler closes it.
        var early = statement.CanClose(now + Duration.FromHours(24));
        var silenceOutcome = statement.Close(Actor.System("scheduler"), now + Duration.FromHours(72));
        #endregion
        return (early, silenceOutcome);
    }

    public static DecisionOutcome Preview(List<Partner> partners, Coalition coalition, TextWriter Console)
    {
        #region snippet:preview
        var now = Instant.FromUtc(2026, 3, 16, 9, 0);

        // Consensus, with at most two stand-asides and two thirds of the members taking part; if someone blocks, a
        // second round decides by three quarters of the votes cast.
        var rule = DecisionRule.Consensus(new StandAsideLimit(2, null))
            .WithQuorum(QuorumRule.OfMembers(Fraction.TwoThirds))
            .WithFallback(DecisionRule.MajorityVote(PassCondition.AtLeast(Fraction.ThreeQuarters, VoteBase.VotesCast)), FallbackWhen.Blocked);
        Console.WriteLine(rule.Describe());

        // DecisionTally.Evaluate is the tally a proposal runs when it closes, as a pure function: preview an outcome
        // from ballots so far, or show what a rule would decide, without a proposal.
        var electorate = coalition.ElectorateFor(MatterType.AmendCharter, now);
        Ballot[] ballots =
        [
            .. partners.Take(5).Select(p => new Ballot(p.Id, Stance.Support)),
            new Ballot(partners[5].Id, Stance.Block),
        ];
        var preview = DecisionTally.Evaluate(rule, electorate, ballots);
        Console.WriteLine(preview.Explain(rule, electorate));
        #endregion
        return preview;
    }

    public static bool ActOnADecision(Proposal proposal, Coalition coalition)
    {
        #region snippet:reference
        // A closed proposal gives a DecisionReference: which proposal, which coalition, which matter, the result and
        // when. Store it with the act it authorizes; the library's commands that need a decision check it themselves.
        var decision = proposal.Reference!;
        var mayAdmit = decision.IsAdoption && decision.Authorizes(coalition.Id, MatterType.AdmitMember);
        #endregion
        return mayAdmit;
    }
}
