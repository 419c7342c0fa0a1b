using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;
using Snapshooter.Xunit;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Polls;

/// <summary>Counts checked against published worked examples, round by round.</summary>
public class WorkedExampleTests
{
    private static readonly PollOption[] Cities = [new("Memphis", "Memphis"), new("Nashville", "Nashville"), new("Chattanooga", "Chattanooga"), new("Knoxville", "Knoxville")];

    internal static readonly PollOption[] Foods =
        [new("Orange", "Oranges"), new("Pear", "Pears"), new("Chocolate", "Chocolate"), new("Strawberry", "Strawberries"), new("Hamburger", "Hamburgers")];

    /// <summary>
    /// The Tennessee capital example (Wikipedia, "Instant-runoff voting", "Plurality voting", "Two-round system" and
    /// "Copeland's method"): 100 voters, 42 in Memphis, 26 in Nashville, 15 in Chattanooga, 17 in Knoxville, each
    /// preferring cities nearer home.
    /// </summary>
    private static PollBallot[] Tennessee()
    {
        var ballots = new List<PollBallot>();
        var voter = 0;
        void Add(int count, params string[] ranking)
        {
            for (var i = 0; i < count; i++)
            {
                ballots.Add(PollBallot.Ranked(Partner(++voter), ranking));
            }
        }

        Add(42, "Memphis", "Nashville", "Chattanooga", "Knoxville");
        Add(26, "Nashville", "Chattanooga", "Knoxville", "Memphis");
        Add(15, "Chattanooga", "Knoxville", "Nashville", "Memphis");
        Add(17, "Knoxville", "Chattanooga", "Nashville", "Memphis");
        return [.. ballots];
    }

    /// <summary>
    /// The food election (Wikipedia, "Single transferable vote", example): 20 voters, 3 seats, Droop quota 6;
    /// Chocolate's surplus passes on at one half; Pears and Hamburgers are excluded; Chocolate, Oranges and
    /// Strawberries are elected.
    /// </summary>
    internal static PollBallot[] Food()
    {
        var ballots = new List<PollBallot>();
        var voter = 0;
        void Add(int count, params string[] ranking)
        {
            for (var i = 0; i < count; i++)
            {
                ballots.Add(PollBallot.Ranked(Partner(++voter), ranking));
            }
        }

        Add(4, "Orange");
        Add(2, "Pear", "Orange");
        Add(8, "Chocolate", "Strawberry");
        Add(4, "Chocolate", "Hamburger");
        Add(1, "Strawberry");
        Add(1, "Hamburger");
        return [.. ballots];
    }

    private static IEnumerable<(string, decimal)> Figures(PollRound round) => round.Totals.Select(t => (t.Option, t.Votes));

    [Fact]
    public void Instant_runoff_elects_Knoxville_in_the_Tennessee_example()
    {
        var result = PollTally.Count(new PollRule(PollMethod.RankedChoice), Cities, Tennessee());

        Assert.Equal(["Knoxville"], result.Winners);
        Assert.Equal(3, result.Rounds.Count);
        Assert.Equal([("Memphis", 42m), ("Nashville", 26m), ("Chattanooga", 15m), ("Knoxville", 17m)], Figures(result.Rounds[0]));
        Assert.Equal(["Chattanooga"], result.Rounds[0].Eliminated);
        Assert.Equal([("Memphis", 42m), ("Nashville", 26m), ("Knoxville", 32m)], Figures(result.Rounds[1]));
        Assert.Equal(["Nashville"], result.Rounds[1].Eliminated);
        Assert.Equal([("Memphis", 42m), ("Knoxville", 58m)], Figures(result.Rounds[2]));
    }

    [Fact]
    public void Copeland_elects_Nashville_the_Condorcet_winner_in_the_Tennessee_example()
    {
        var result = PollTally.Count(new PollRule(PollMethod.Copeland), Cities, Tennessee());

        Assert.Equal(["Nashville"], result.Winners);
        Assert.Equal([("Memphis", 0m), ("Nashville", 3m), ("Chattanooga", 2m), ("Knoxville", 1m)], Figures(result.Rounds[0]));
        Assert.Contains("beating every other option head to head", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Plurality_elects_Memphis_in_the_Tennessee_example()
    {
        var firsts = Tennessee().Select(b => PollBallot.Ranked(b.Voter, b.Ranking[0])).ToArray();

        var result = PollTally.Count(new PollRule(PollMethod.Plurality), Cities, firsts);

        Assert.Equal(["Memphis"], result.Winners);
    }

    [Fact]
    public void Plurality_with_a_majority_required_sends_Memphis_and_Nashville_to_a_runoff_which_Nashville_wins()
    {
        var ballots = Tennessee();
        var firsts = ballots.Select(b => PollBallot.Ranked(b.Voter, b.Ranking[0])).ToArray();

        var first = PollTally.Count(new PollRule(PollMethod.Plurality, RequireMajority: true), Cities, firsts);
        var finalists = Cities.Where(c => first.Runoff.Contains(c.Key)).ToArray();
        var runoffBallots = ballots.Select(b => PollBallot.Ranked(b.Voter, b.Ranking.First(first.Runoff.Contains))).ToArray();
        var runoff = PollTally.Count(new PollRule(PollMethod.Plurality, RequireMajority: true), finalists, runoffBallots);

        Assert.Empty(first.Winners);
        Assert.Equal(["Memphis", "Nashville"], first.Runoff);
        Assert.Equal(["Nashville"], runoff.Winners);
        Assert.Equal([("Memphis", 42m), ("Nashville", 58m)], Figures(runoff.Rounds[0]));
    }

    [Fact]
    public void Single_transferable_vote_elects_Chocolate_Oranges_and_Strawberries_in_the_food_election()
    {
        var result = PollTally.Count(new PollRule(PollMethod.SingleTransferableVote, Seats: 3, Transfer: StvTransfer.WeightedInclusiveGregory), Foods, Food());

        Assert.Equal(["Chocolate", "Orange", "Strawberry"], result.Winners);
        Assert.Equal([("Orange", 4m), ("Pear", 2m), ("Chocolate", 12m), ("Strawberry", 1m), ("Hamburger", 1m)], Figures(result.Rounds[0]));
        Assert.Equal(["Chocolate"], result.Rounds[0].Elected);
        Assert.Equal([("Orange", 4m), ("Pear", 2m), ("Chocolate", 6m), ("Strawberry", 5m), ("Hamburger", 3m)], Figures(result.Rounds[1]));
        Assert.Equal(["Pear"], result.Rounds[1].Eliminated);
        Assert.Equal(["Orange"], result.Rounds[2].Elected);
        Assert.Equal(["Hamburger"], result.Rounds[2].Eliminated);
        Assert.Equal(["Strawberry"], result.Rounds[3].Elected);
        Assert.Equal(3m, result.Rounds[3].Exhausted);
    }

    [Fact]
    public void Meeks_method_elects_the_same_three_in_the_food_election_with_Strawberries_reaching_the_quota_on_Chocolates_surplus()
    {
        var result = PollTally.Count(new PollRule(PollMethod.SingleTransferableVote, Seats: 3), Foods, Food());

        Assert.Equal(["Chocolate", "Strawberry", "Orange"], result.Winners);
        Assert.Equal(["Chocolate", "Strawberry"], result.Rounds[0].Elected);
        Assert.Equal(["Pear"], result.Rounds[0].Eliminated);
        Assert.Equal(["Orange"], result.Rounds[1].Elected);
    }

    [Fact]
    public void Round_by_round_explanations_are_pinned()
    {
        var irv = PollTally.Count(new PollRule(PollMethod.RankedChoice), Cities, Tennessee());
        var stv = PollTally.Count(new PollRule(PollMethod.SingleTransferableVote, Seats: 3, Transfer: StvTransfer.WeightedInclusiveGregory), Foods, Food());
        var meek = PollTally.Count(new PollRule(PollMethod.SingleTransferableVote, Seats: 3), Foods, Food());

        Snapshot.Match($"{irv.Explanation}\n\n{stv.Explanation}\n\n{meek.Explanation}\n");
    }
}
