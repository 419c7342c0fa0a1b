using BenchmarkDotNet.Attributes;
using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;

namespace Coalitions.Core.Benchmarks;

/// <summary>
/// Instant runoff with 100,000 ballots and 10 candidates, and STV with 10,000 ballots, 20 candidates and 5 seats,
/// against a baseline that only counts first preferences of the same ballots (the least any ranked count must do);
/// the same instant runoff with the ballots marked rank by rank under RCTab-style ballot rules; and reading and
/// counting the STV ballots as a BLT ballot file.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class PollBenchmarks
{
    private PollOption[] _ten = [];
    private PollOption[] _twenty = [];
    private PollBallot[] _irvBallots = [];
    private PollBallot[] _stvBallots = [];
    private PollBallot[] _markedBallots = [];
    private string _ballotFile = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2026);
        _ten = Enumerable.Range(0, 10).Select(i => new PollOption($"c{i}", $"Candidate {i}")).ToArray();
        _twenty = Enumerable.Range(0, 20).Select(i => new PollOption($"c{i}", $"Candidate {i}")).ToArray();
        _irvBallots = Ballots(random, 100_000, _ten);
        _stvBallots = Ballots(random, 10_000, _twenty);

        // One ballot in 20 marks two candidates at its second rank, one in 20 leaves its second rank blank.
        _markedBallots = _irvBallots.Select((b, i) => PollBallot.Marked(
            b.Voter,
            b.Ranking.Select((k, r) => (IReadOnlyList<string>)(r != 1 ? [k] : i % 20 == 0 ? [k, b.Ranking[0] == "c0" ? "c1" : "c0"] : i % 20 == 1 ? [] : [k])).ToArray())).ToArray();
        _ballotFile = Blt.Write(Blt.FromBallots("STV benchmark", new PollRule(PollMethod.SingleTransferableVote, Seats: 5), _twenty, _stvBallots));
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

    [Benchmark(Description = "instant runoff: 100,000 marked ballots, overvotes exhaust, one skip allowed")]
    public int InstantRunoffMarked() =>
        PollTally.Count(new PollRule(PollMethod.RankedChoice, BallotRules: new RankedBallotRules(OvervoteRule.Exhaust, DuplicateRule.Skip, 1)), _ten, _markedBallots).Rounds.Count;

    [Benchmark(Description = "BLT: read 10,000 ballots and count them by Meek, 5 seats")]
    public int BallotFileMeek()
    {
        var election = Blt.Read(_ballotFile);
        return PollTally.CountLines(new PollRule(PollMethod.SingleTransferableVote, Seats: 5), election.Options, election.Lines).Rounds.Count;
    }

    private static PollBallot[] Ballots(Random random, int count, PollOption[] options) =>
        Enumerable.Range(0, count).Select(_ =>
        {
            // Skewed preferences, partial rankings of 3 to all candidates: a realistic mix of exhausting ballots.
            var order = options.Select(o => o.Key).OrderBy(k => random.NextDouble() * (1 + (k.Length * 0.1))).Take(random.Next(3, options.Length + 1)).ToArray();
            return PollBallot.Ranked(PartnerId.New(), order);
        }).ToArray();
}
