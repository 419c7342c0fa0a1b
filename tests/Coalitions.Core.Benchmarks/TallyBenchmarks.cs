using BenchmarkDotNet.Attributes;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Benchmarks;

/// <summary>
/// A tally of 1,000,000 weighted ballots (in random order) under quorum + at least two thirds + three chambers, against
/// (a) the floor: one random access per ballot into the million voters' weights through an index resolved beforehand,
/// summing weight per stance (what any tally of ballots in arbitrary order must at least do),
/// (b) the weights summed in ballot order (no random access at all), and
/// (c) a straightforward LINQ GroupBy tally of the same ballots, and
/// (d) the counting alone, with a voter lookup per ballot and joined.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(BenchmarkDotNet.Engines.RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class TallyBenchmarks
{
    private static readonly string[] ChamberNames = ["environmental", "social", "economic"];

    private Electorate _electorate = null!;
    private Ballot[] _ballots = null!;
    private DecisionRule _rule = null!;
    private int[] _stanceOfBallot = null!;
    private long[] _weightOfBallot = null!;
    private int[] _voterOfBallot = null!;
    private long[] _weightOfVoter = null!;
    private Dictionary<PartnerId, Voter> _voters = null!;

    [Params(1_000_000)]
    public int Ballots { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2026);
        var voters = new Voter[Ballots];
        for (var i = 0; i < voters.Length; i++)
        {
            voters[i] = new Voter(PartnerId.New(), [PersonId.New()], random.Next(1, 11), ChamberNames[i % 3]);
        }

        _electorate = new Electorate(voters, ChamberNames.Select(n => new Chamber(n, 1)).ToArray());
        _voters = voters.ToDictionary(v => v.Partner);
        Stance[] stances = [Stance.Support, Stance.Support, Stance.Support, Stance.Oppose, Stance.Abstain];
        _ballots = voters.Select(v => new Ballot(v.Partner, stances[random.Next(stances.Length)])).OrderBy(_ => random.Next()).ToArray();
        _stanceOfBallot = _ballots.Select(b => (int)b.Stance - 1).ToArray();
        _weightOfBallot = _ballots.Select(b => _voters[b.Voter].Weight).ToArray();
        var indexOf = voters.Select((v, i) => (v.Partner, i)).ToDictionary(p => p.Partner, p => p.i);
        _voterOfBallot = _ballots.Select(b => indexOf[b.Voter]).ToArray();
        _weightOfVoter = voters.Select(v => v.Weight).ToArray();
        _rule = DecisionRule.ChamberVote(
                PassCondition.MoreThan(Fraction.Half, VoteBase.VotesCast, Measure.Weight),
                PassCondition.AtLeast(Fraction.TwoThirds, VoteBase.VotesCast, Measure.Weight))
            .WithQuorum(QuorumRule.OfWeight(Fraction.Half));
    }

    [Benchmark(Baseline = true, Description = "floor: one random access per ballot (pre-resolved index)")]
    public long RandomAccess()
    {
        Span<long> totals = stackalloc long[Stances.Count];
        var voterOf = _voterOfBallot;
        var stanceOf = _stanceOfBallot;
        var weightOf = _weightOfVoter;
        for (var i = 0; i < voterOf.Length; i++)
        {
            totals[stanceOf[i]] += weightOf[voterOf[i]];
        }

        return totals[0];
    }

    [Benchmark(Description = "weights summed in ballot order (no random access)")]
    public long PlainLoop()
    {
        Span<long> totals = stackalloc long[Stances.Count];
        for (var i = 0; i < _stanceOfBallot.Length; i++)
        {
            totals[_stanceOfBallot[i]] += _weightOfBallot[i];
        }

        return totals[0];
    }

    [Benchmark(Description = "LINQ GroupBy per chamber and stance")]
    public long LinqGroupBy()
    {
        var tally = _ballots
            .GroupBy(b => (_voters[b.Voter].Chamber, b.Stance))
            .ToDictionary(g => g.Key, g => g.Sum(b => _voters[b.Voter].Weight));
        return tally.Count;
    }

    /// <summary>For <c>profile-tally</c>: Evaluate over and over, with the floor's time for comparison.</summary>
    internal static void Profile(TimeSpan duration)
    {
        var bench = new TallyBenchmarks { Ballots = 1_000_000 };
        bench.Setup();
        GcWatch.Run("floor passes", duration / 4, () => { bench.RandomAccess(); return 1; });
        GcWatch.Run("tallies", duration * 3 / 4, () => { bench.Evaluate(); return 1; });
    }

    /// <summary>The counting alone, one voter lookup per ballot in the ballots' order: what the join replaces.</summary>
    [Benchmark(Description = "counting with a voter lookup per ballot, in ballot order (no join)")]
    public int LookupPerBallot()
    {
        using var counts = TallyCounts.From(_electorate, _ballots, _rule.AcceptedStances, join: false);
        return counts.BallotCount;
    }

    /// <summary>The counting alone, joined: the ballots sorted into runs by their voter's hash, each run resolved against its slice of the voters.</summary>
    [Benchmark(Description = "counting joined with the voters")]
    public int Joined()
    {
        using var counts = TallyCounts.From(_electorate, _ballots, _rule.AcceptedStances, join: true);
        return counts.BallotCount;
    }

    [Benchmark(Description = "DecisionTally.Evaluate (explained outcome)")]
    public DecisionResult Evaluate() => DecisionTally.Evaluate(_rule, _electorate, _ballots).Result;
}
