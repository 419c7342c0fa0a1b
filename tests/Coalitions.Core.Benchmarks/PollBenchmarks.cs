using BenchmarkDotNet.Attributes;
using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;

namespace Coalitions.Core.Benchmarks;

/// <summary>
/// Instant runoff with 100,000 ballots and 10 candidates, and STV with 10,000 ballots, 20 candidates and 5 seats,
/// against a baseline that only counts first preferences of the same ballots (the least any ranked count must do).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class PollBenchmarks
{
    private PollOption[] _ten = [];
    private PollOption[] _twenty = [];
    private PollBallot[] _irvBallots = [];
    private PollBallot[] _stvBallots = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2026);
        _ten = Enumerable.Range(0, 10).Select(i => new PollOption($"c{i}", $"Candidate {i}")).ToArray();
        _twenty = Enumerable.Range(0, 20).Select(i => new PollOption($"c{i}", $"Candidate {i}")).ToArray();
        _irvBallots = Ballots(random, 100_000, _ten);
        _stvBallots = Ballots(random, 10_000, _twenty);
    }

    [Benchmark(Baseline = true, Description = "baseline: count first preferences of 100,000 ballots")]
    public int FirstPreferences()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ballot in _irvBallots)
        {
            counts[ballot.Ranking[0]] = counts.GetValueOrDefault(ballot.Ranking[0]) + 1;
        }

        return counts.Count;
    }

    [Benchmark(Description = "instant runoff: 100,000 ballots, 10 candidates")]
    public int InstantRunoff() => PollTally.Count(new PollRule(PollMethod.RankedChoice), _ten, _irvBallots).Rounds.Count;

    [Benchmark(Description = "STV (Meek): 10,000 ballots, 20 candidates, 5 seats")]
    public int SingleTransferableVote() => PollTally.Count(new PollRule(PollMethod.SingleTransferableVote, Seats: 5), _twenty, _stvBallots).Rounds.Count;

    [Benchmark(Description = "STV (Gregory): 10,000 ballots, 20 candidates, 5 seats")]
    public int SingleTransferableVoteGregory() =>
        PollTally.Count(new PollRule(PollMethod.SingleTransferableVote, Seats: 5, Transfer: StvTransfer.WeightedInclusiveGregory), _twenty, _stvBallots).Rounds.Count;

    private static PollBallot[] Ballots(Random random, int count, PollOption[] options) =>
        Enumerable.Range(0, count).Select(_ =>
        {
            // Skewed preferences, partial rankings of 3 to all candidates: a realistic mix of exhausting ballots.
            var order = options.Select(o => o.Key).OrderBy(k => random.NextDouble() * (1 + (k.Length * 0.1))).Take(random.Next(3, options.Length + 1)).ToArray();
            return PollBallot.Ranked(PartnerId.New(), order);
        }).ToArray();
}
