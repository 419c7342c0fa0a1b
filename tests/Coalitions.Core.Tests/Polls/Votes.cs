using Coalitions.Core.Polls;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Polls;

/// <summary>Ballots for the poll tests, written as "so many voters ranked these".</summary>
internal static class Votes
{
    /// <summary>Strictly ranked ballots: <c>Ranked((4, ["a", "b"]), (3, ["c"]))</c>.</summary>
    public static PollBallot[] Ranked(params (int Count, string[] Ranking)[] lines) =>
        Expand(lines.Select(l => (l.Count, (Func<int, PollBallot>)(v => PollBallot.Ranked(Partner(v), l.Ranking)))));

    /// <summary>Ballots as marked, rank by rank: <c>Marked((1, [["d"], [], ["a", "b"]]))</c>.</summary>
    public static PollBallot[] Marked(params (int Count, string[][] Ranks)[] lines) =>
        Expand(lines.Select(l => (l.Count, (Func<int, PollBallot>)(v => PollBallot.Marked(Partner(v), l.Ranks)))));

    public static PollOption[] Options(params string[] keys) => keys.Select(k => new PollOption(k, k.ToUpperInvariant())).ToArray();

    public static decimal Total(PollRound round, string option) => round.Totals.Single(t => t.Option == option).Votes;

    public static PollBallot[] Expand(IEnumerable<(int Count, Func<int, PollBallot> Make)> lines)
    {
        var ballots = new List<PollBallot>();
        foreach (var (count, make) in lines)
        {
            for (var i = 0; i < count; i++)
            {
                ballots.Add(make(ballots.Count + 1));
            }
        }

        return [.. ballots];
    }
}
