using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;
using Coalitions.Core.Benchmarks;

// Run all: dotnet run -c Release --project tests/Coalitions.Core.Benchmarks -- --filter '*'
// Profile a hot command for a profiler, for N seconds (default 10):
//   DOTNET_EnableWriteXorExecute=0 DOTNET_PerfMapEnabled=1 perf record -g dotnet <the built Coalitions.Core.Benchmarks.dll> profile-cast|-long-vote|-poll|-sign|-admit|-json|-rehydrate|-tally [N]
// (without DOTNET_EnableWriteXorExecute=0 the JIT's code runs from an anonymous mapping and perf cannot name its methods)
// (or dotnet-trace collect -- dotnet <dll> profile-cast)
if (args is [['p', 'r', 'o', 'f', 'i', 'l', 'e', '-', ..] what, ..])
{
    var duration = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10);
    Action<TimeSpan> profile = what switch
    {
        "profile-cast" => CastBallotBenchmarks.Profile,
        "profile-long-vote" => CastBallotBenchmarks.ProfileLongVote,
        "profile-poll" => CastPollBallotBenchmarks.Profile,
        "profile-sign" => SignAgreementBenchmarks.Profile,
        "profile-admit" => AdmitMemberBenchmarks.Profile,
        "profile-json" => EventJsonBenchmarks.Profile,
        "profile-rehydrate" => RehydrationBenchmarks.Profile,
        "profile-tally" => TallyBenchmarks.Profile,
        _ => throw new ArgumentException($"No profile named {what}: profile-cast, profile-long-vote, profile-poll, profile-sign, profile-admit, profile-json, profile-rehydrate or profile-tally."),
    };
    profile(duration);
    return;
}

var config = DefaultConfig.Instance;
if (!RealCountBenchmarks.Available)
{
    // The real count is read from the shared conformance corpus at run time; without it those benchmarks are skipped.
    Console.WriteLine($"RealCountBenchmarks skipped: no case file at {RealCountBenchmarks.Path} (set COALITIONS_MINNEAPOLIS_2017 to its path).");
    config = config.AddFilter(new SimpleFilter(b => b.Descriptor.Type != typeof(RealCountBenchmarks)));
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
