using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;
using Coalitions.Core.Benchmarks;

// Run all: dotnet run -c Release --project tests/Coalitions.Core.Benchmarks -- --filter '*'
// Profile casting ballots: dotnet-trace collect -- dotnet <the built Coalitions.Core.Benchmarks.dll> profile-cast
if (args is ["profile-cast", ..])
{
    CastBallotBenchmarks.Profile(TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10));
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
