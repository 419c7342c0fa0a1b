using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;

namespace Coalitions.Core.Benchmarks;

/// <summary>
/// The largest real count in the poll conformance corpus: the 2017 Minneapolis mayoral race (104,398 ranked ballots,
/// 18 candidates, instant runoff), read at run time from the shared corpus and never copied into this repository (its
/// licence differs from the project's). <c>COALITIONS_MINNEAPOLIS_2017</c> names another path; when the file is
/// missing, Program.cs says so and leaves these benchmarks out.
/// </summary>
/// <remarks>
/// The ballots are built as the conformance runner builds them (one ballot per counted record, the corpus's conversion
/// already applied), so this counts what the runner checks against RCTab.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(BenchmarkDotNet.Engines.RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class RealCountBenchmarks
{
    private const string DefaultPath = "/work/shared/conformance/polls/data/rctab-2017_minneapolis_mayor.json";

    private PollOption[] _options = [];
    private PollBallot[] _ballots = [];

    /// <summary>Gets the path of the case file.</summary>
    public static string Path => Environment.GetEnvironmentVariable("COALITIONS_MINNEAPOLIS_2017") is { Length: > 0 } path ? path : DefaultPath;

    /// <summary>Gets whether the case file is there.</summary>
    public static bool Available => File.Exists(Path);

    [GlobalSetup]
    public void Setup()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path));
        var root = document.RootElement;
        _options = root.GetProperty("candidates").EnumerateArray()
            .Select(c => new PollOption(c.GetProperty("key").GetString()!, c.GetProperty("label").GetString()!))
            .ToArray();
        var ballots = new List<PollBallot>();
        var voter = 0;
        foreach (var line in root.GetProperty("ballots").EnumerateArray())
        {
            var ranking = line[1].EnumerateArray().Select(k => k.GetString()!).ToArray();
            for (var i = line[0].GetInt32(); i > 0; i--)
            {
                voter++;
                ballots.Add(PollBallot.Ranked(PartnerId.FromGuid(new Guid(voter, 0, 0, [0, 0, 0, 0, 0, 0, 0, 1])), ranking));
            }
        }

        _ballots = [.. ballots];
    }

    [Benchmark(Baseline = true, Description = "baseline: first preferences of the 104,398 ballots")]
    public int FirstPreferences()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ballot in _ballots)
        {
            counts[ballot.Ranking[0]] = counts.GetValueOrDefault(ballot.Ranking[0]) + 1;
        }

        return counts.Count;
    }

    [Benchmark(Description = "instant runoff: Minneapolis 2017 mayor, 104,398 ballots, 18 candidates")]
    public int InstantRunoff() => PollTally.Count(new PollRule(PollMethod.RankedChoice), _options, _ballots).Rounds.Count;
}
