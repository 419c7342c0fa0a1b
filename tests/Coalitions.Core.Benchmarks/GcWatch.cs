namespace Coalitions.Core.Benchmarks;

/// <summary>For the profile runs (<c>profile-*</c>): allocation and collections over a run, per operation.</summary>
internal readonly struct GcWatch
{
    /// <summary>
    /// Runs <paramref name="work"/> (which returns how many operations it did) over and over for about
    /// <paramref name="duration"/>, timing only the work (not <paramref name="prepare"/>, run before each), and prints
    /// time, allocation and collections per operation.
    /// </summary>
    public static void Run(string what, TimeSpan duration, Func<long> work, Action? prepare = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var gc = Start();
        long count = 0;
        var measured = TimeSpan.Zero;
        while (clock.Elapsed < duration)
        {
            prepare?.Invoke();
            var before = clock.Elapsed;
            count += work();
            measured += clock.Elapsed - before;
        }

        Console.WriteLine(gc.Report(count, what, measured));
    }

    private readonly long _allocated;
    private readonly int _gen0;
    private readonly int _gen1;
    private readonly int _gen2;
    private readonly TimeSpan _paused;

    private GcWatch(long allocated, int gen0, int gen1, int gen2, TimeSpan paused) =>
        (_allocated, _gen0, _gen1, _gen2, _paused) = (allocated, gen0, gen1, gen2, paused);

    public static GcWatch Start() =>
        new(GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    /// <summary>"N things: T ns each, B bytes allocated each, collections, paused".</summary>
    public string Report(long count, string what, TimeSpan measured) =>
        $"{count:N0} {what}: {measured.TotalNanoseconds / count:F0} ns each, " +
        $"{(GC.GetTotalAllocatedBytes(precise: true) - _allocated) / count} bytes allocated each (set-up between runs included), " +
        $"collections gen0/1/2 {GC.CollectionCount(0) - _gen0}/{GC.CollectionCount(1) - _gen1}/{GC.CollectionCount(2) - _gen2}, " +
        $"paused {(GC.GetTotalPauseDuration() - _paused).TotalMilliseconds:F0} ms in {measured.TotalMilliseconds:F0} ms";
}
