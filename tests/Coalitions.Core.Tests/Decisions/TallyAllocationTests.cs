using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Decisions;

public class TallyAllocationTests
{
    // Below 65,536 ballots a tally looks each voter up; from there on it joins the ballots with the voters, in buffers
    // rented from the shared pool.
    [Theory]
    [InlineData(50_000)]
    [InlineData(80_000)]
    public void A_tally_allocates_nothing_per_ballot(int voters)
    {
        var rule = DecisionRule.ChamberVote(PassCondition.MoreThan(Fraction.Half, VoteBase.VotesCast), PassCondition.AtLeast(Fraction.TwoThirds, VoteBase.VotesCast, Measure.Weight))
            .WithQuorum(QuorumRule.OfWeight(Fraction.Half));
        string[] chambers = ["a", "b", "c"];
        var electorate = new Electorate(
            Enumerable.Range(1, voters).Select(n => Voter(n, weight: n % 7, chamber: chambers[n % 3])).ToArray(),
            chambers.Select(c => new Chamber(c, 1)).ToArray());
        Stance[] stances = [Stance.Support, Stance.Oppose, Stance.Abstain];
        var ballots = electorate.Voters.Select((v, i) => new Ballot(v.Partner, stances[i % 3])).ToArray();

        long Allocated(int count)
        {
            DecisionTally.Evaluate(rule, electorate, ballots.AsSpan(0, count));
            var before = GC.GetAllocatedBytesForCurrentThread();
            DecisionTally.Evaluate(rule, electorate, ballots.AsSpan(0, count));
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        var few = Allocated(100);
        var many = Allocated(voters);

        // Longer numbers in the explanation cost a few bytes more; anything per ballot would cost at least a byte each.
        Assert.True(many - few < voters - 100, $"Tallying {voters - 100} more ballots allocated {many - few} more bytes.");
    }

    // A refusal far into the ballots is found and named as for the first ballots.
    [Theory]
    [InlineData(127, 128)]
    [InlineData(5, 300)]
    [InlineData(200, 640)]
    public void A_second_ballot_or_an_outsider_far_into_the_ballots_is_refused(int first, int second)
    {
        var electorate = Members(700);
        var ballots = electorate.Voters.Select(v => new Ballot(v.Partner, Stance.Support)).ToArray();
        var twice = (Ballot[])ballots.Clone();
        twice[second] = twice[first];
        var outsider = (Ballot[])ballots.Clone();
        outsider[second] = new Ballot(Partner(9_999), Stance.Support);

        Assert.Equal(DecisionResult.Adopted, DecisionTally.Evaluate(DecisionRule.SimpleMajority(), electorate, ballots).Result);
        var duplicate = Assert.Throws<CoalitionRuleException>(() => DecisionTally.Evaluate(DecisionRule.SimpleMajority(), electorate, twice));
        Assert.Equal(ErrorCodes.Decisions.DuplicateBallot, duplicate.Code);
        Assert.Contains($"Member {first + 1}", duplicate.Message, StringComparison.Ordinal);
        var stranger = Assert.Throws<CoalitionRuleException>(() => DecisionTally.Evaluate(DecisionRule.SimpleMajority(), electorate, outsider));
        Assert.Equal(ErrorCodes.Decisions.NotInElectorate, stranger.Code);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Voter_lookups_stay_short_for_random_and_sequential_ids(bool sequential)
    {
        var voters = Enumerable.Range(1, 100_000)
            .Select(n => new Voter(sequential ? Partner(n) : PartnerId.New(), [Person(1)]))
            .ToArray();

        var electorate = new Electorate(voters);

        Assert.InRange(electorate.LongestProbe(), 0, 64);
        Assert.InRange(electorate.Join.LargestBucket(), 0, 12);
    }
}
