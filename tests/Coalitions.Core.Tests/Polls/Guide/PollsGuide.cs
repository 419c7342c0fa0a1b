using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;
using Coalitions.Core.Serialization;
using NodaTime;

namespace Coalitions.Core.Tests.Polls.Guide;

/// <summary>
/// The code of docs/polls-and-elections.md. Each region between <c>#region snippet:NAME</c> and <c>#endregion</c> is
/// copied into the guide's block marked <c>&lt;!-- snippet: NAME --&gt;</c>; <see cref="PollsGuideTests"/> keeps both
/// equal and runs this code.
/// </summary>
public static class PollsGuide
{
    public static (Poll Poll, PollResult Result) RunAnElection(CoalitionId coalition, Electorate electorate, PersonId chair, PartnerId member, PersonId delegatePerson, Instant now)
    {
        #region snippet:who-acts
        // A facilitator the draft names drafts the poll; its facilitators open, decide ties, cancel and close it.
        var facilitator = Actor.ForPerson(chair);
        var poll = Poll.Draft(
            PollId.New(),
            new PollDraft(
                coalition,
                "Who chairs the steering committee?",
                [new PollOption("amina", "Amina Otieno"), new PollOption("baraka", "Baraka Mwangi"), new PollOption("chiara", "Chiara Okafor")],
                new PollRule(PollMethod.RankedChoice, Purpose: PollPurpose.Election),
                [chair]),
            facilitator,
            now);
        poll.Open(electorate, now + Duration.FromDays(7), facilitator, now);

        // A member's ballot is cast by one of its representatives, acting for it, as the frozen electorate lists them.
        var ballot = PollBallot.Ranked(member, "baraka", "amina");
        if (poll.CanCastBallot(ballot, Actor.Representing(delegatePerson, member), now + Duration.FromHours(1)).IsAllowed)
        {
            poll.CastBallot(ballot, Actor.Representing(delegatePerson, member), now + Duration.FromHours(1));
        }

        // At the deadline the host's scheduler closes it; a facilitator may too, or earlier once everyone has voted.
        var result = poll.Close(Actor.System("scheduler"), poll.Deadline!.Value, seed: 2026);
        #endregion

        return (poll, result);
    }

    public static string WordsOfAStoredResult(Poll poll)
    {
        #region snippet:readable-results
        // A closed poll stores its result as figures; poll.Result has its words, rendered when the poll is read.
        var explanation = poll.Result!.Explanation;       // "Elected: Baraka Mwangi.\nRound 1: …"

        // A read model that keeps the result on its own keeps figures only: words come back from the rule and the labels.
        var json = CoalitionsJson.Serialize(poll.Result);
        var stored = CoalitionsJson.Deserialize<PollResult>(json)!;
        var words = stored.WithExplanation(poll.Question.Rule, poll.Question.Options);
        #endregion

        Assert.Equal(explanation, words.Explanation);
        return words.Explanation;
    }
}
