using BenchmarkDotNet.Running;
using Coalitions.Core.Benchmarks;

// Run all: dotnet run -c Release --project tests/Coalitions.Core.Benchmarks -- --filter '*'
// Profile casting ballots: dotnet-trace collect -- dotnet <the built Coalitions.Core.Benchmarks.dll> profile-cast
if (args is ["profile-cast", ..])
{
    CastBallotBenchmarks.Profile(TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
