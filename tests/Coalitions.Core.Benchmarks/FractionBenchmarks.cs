using System.Numerics;
using BenchmarkDotNet.Attributes;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Benchmarks;

/// <summary>Exact share comparison (128-bit) against the obvious exact alternative, BigInteger.</summary>
[MemoryDiagnoser]
public class FractionBenchmarks
{
    private readonly long[] _parts = new long[1024];
    private readonly long[] _wholes = new long[1024];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        for (var i = 0; i < _parts.Length; i++)
        {
            _wholes[i] = random.NextInt64(1, 1_000_000_000_000);
            _parts[i] = random.NextInt64(0, _wholes[i]);
        }
    }

    [Benchmark(Baseline = true)]
    public int BigIntegerCrossMultiplication()
    {
        var met = 0;
        for (var i = 0; i < _parts.Length; i++)
        {
            if (new BigInteger(_parts[i]) * 3 >= new BigInteger(2) * _wholes[i])
            {
                met++;
            }
        }

        return met;
    }

    [Benchmark]
    public int FractionCompareShare()
    {
        var met = 0;
        var twoThirds = Fraction.TwoThirds;
        for (var i = 0; i < _parts.Length; i++)
        {
            if (twoThirds.CompareShare(_parts[i], _wholes[i]) >= 0)
            {
                met++;
            }
        }

        return met;
    }
}
