#pragma warning disable IDE0008, IDE0039 // the answers read as a program's statements
using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Partners;
using Coalitions.Core.Polls;
using NodaTime;

namespace GuideCode;

/// <summary>
/// The answers of docs/how-to/polls.md, each a region copied into the page; run by
/// Coalitions.Core.Tests.Docs.HowToTests on the coalition that docs/getting-started.md builds.
/// </summary>
public static class HowToPolls
{
    public static PollResult MeetingTime(List<Partner> partners, Coalition coalition, PersonId coordinatorPerson, Actor coordinator, Func<Partner, Actor> DelegateOf, TextWriter Console)
    {
        #region snippet:meeting-time
        var now = Instant.FromUtc(2026, 3, 16, 9, 0);

        // Each member answers yes, if need be, or no for every slot; results are visible while the poll runs.
        PollOption[] slots = [new("tue", "Tuesday 24 March, 10:00 EAT"), new("thu", "Thursday 26 March, 14:00 EAT")];
        var meetingPoll = Poll.Draft(
            PollId.New(),
            new PollDraft(coalition.Id, "When should the assembly meet?", slots, new PollRule(PollMethod.MeetingTime, Visibility: ResultsVisibility.Always), [coordinatorPerson]),
            coordinator,
            now);
        meetingPoll.Open(coalition.ElectorateFor(MatterType.Custom, now), now + Duration.FromDays(3), coordinator, now);
        for (var i = 0; i < partners.Count; i++)
        {
            var answers = new Dictionary<string, SlotAnswer>
            {
                ["tue"] = i % 3 == 0 ? SlotAnswer.No : SlotAnswer.Yes,
                ["thu"] = i % 2 == 0 ? SlotAnswer.Yes : SlotAnswer.IfNeedBe,
            };
            meetingPoll.CastBallot(PollBallot.Availability(partners[i].Id, answers), DelegateOf(partners[i]), now + Duration.FromHours(1));
        }

        var result = meetingPoll.Close(coordinator, now + Duration.FromDays(3), seed: 0);
        Console.WriteLine(result.Explanation);
        #endregion
        return result;
    }

    public static (string Hidden, PollResult Final) SecretRankedChoice(List<Partner> partners, Coalition coalition, PersonId coordinatorPerson, Actor coordinator, Func<Partner, Actor> DelegateOf, TextWriter Console)
    {
        #region snippet:ranked
        var now = Instant.FromUtc(2026, 3, 16, 9, 0);

        // Instant runoff over ranked ballots, anonymous, its results shown only once the poll has closed.
        PollOption[] names = [new("reads", "Everyone Reads"), new("books", "Books for All"), new("first", "Reading First")];
        var rule = new PollRule(PollMethod.RankedChoice, Visibility: ResultsVisibility.AfterClose, Anonymous: true);
        var namePoll = Poll.Draft(PollId.New(), new PollDraft(coalition.Id, "Name the campaign", names, rule, [coordinatorPerson]), coordinator, now);
        namePoll.Open(coalition.ElectorateFor(MatterType.Custom, now), now + Duration.FromDays(3), coordinator, now);
        string[][] preferences = [["reads", "books"], ["books", "reads"], ["first", "books"], ["reads"], ["books"], ["books", "reads"], ["reads", "first"]];
        for (var i = 0; i < partners.Count; i++)
        {
            namePoll.CastBallot(PollBallot.Ranked(partners[i].Id, preferences[i]), DelegateOf(partners[i]), now + Duration.FromHours(1));
        }

        // While it is open, nobody sees results: asking is refused.
        var hidden = "";
        try
        {
            namePoll.Results(partners[0].Id);
        }
        catch (CoalitionRuleException refused) when (refused.Has(ErrorCodes.Polls.ResultsHidden))
        {
            hidden = refused.Message;
        }

        var final = namePoll.Close(coordinator, now + Duration.FromDays(3), seed: 0);
        foreach (var round in final.Rounds)
        {
            Console.WriteLine($"Round {round.Number}: {string.Join(", ", round.Totals.Select(t => $"{t.Option} {t.Votes:0.##}"))}");
        }

        Console.WriteLine(final.Explanation);
        #endregion
        return (hidden, final);
    }
}
