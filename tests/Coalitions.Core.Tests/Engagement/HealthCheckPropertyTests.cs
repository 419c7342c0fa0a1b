using System.Text.RegularExpressions;
using Coalitions.Core.Engagement;
using Coalitions.Core.Kernel;
using Coalitions.Core.Serialization;
using CsCheck;
using static Coalitions.Core.Tests.Kit.AdvocacyScenario;
using static Coalitions.Core.Tests.Kit.CoalitionScenario;
using static Coalitions.Core.Tests.Kit.EngagementScenario;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Engagement;

/// <summary>
/// Properties of the health check over random rounds: the event store cannot tell which member gave which ratings, the
/// results do not depend on the order of the responses, and every factor's score is the exact mean of its ratings.
/// </summary>
public partial class HealthCheckPropertyTests
{
    private static readonly Gen<IReadOnlyList<HealthRating>> Ratings =
        Gen.Select(Gen.Int[1, 5].Array[HealthCheckStatements.Standard.Count], Gen.Bool.Array[HealthCheckStatements.Standard.Count])
            .Where((scores, rated) => rated.Any(r => r))
            .Select((scores, rated) => (IReadOnlyList<HealthRating>)HealthCheckStatements.Standard.Select((s, i) => (s, i)).Where(x => rated[x.i]).Select(x => new HealthRating(x.s.Key, scores[x.i])).ToArray());

    // k rating sheets and two ways of handing them to the same k members, sheet j always given j-th.
    private static readonly Gen<(IReadOnlyList<HealthRating>[] Sheets, int[] First, int[] Second)> Rounds =
        Gen.Int[3, 6].SelectMany(k => Gen.Select(
            Ratings.Array[k],
            Gen.Shuffle(Enumerable.Range(1, 9).ToArray(), k),
            Gen.Int[0, 1000]))
        .Select((sheets, members, seed) =>
        {
            var second = members.OrderBy(m => (m * 7919 + seed) % 1009).ToArray();
            return (sheets, members, second);
        });

    [Fact]
    public void The_stored_events_are_the_same_whichever_member_gave_which_ratings_but_for_tags_only_the_key_can_read()
    {
        Rounds.Sample(
            round =>
            {
                var first = Stored(round.Sheets, round.First);
                var second = Stored(round.Sheets, round.Second);
                return first.SequenceEqual(second);
            },
            iter: 60);
    }

    [Fact]
    public void The_results_do_not_depend_on_the_order_the_members_responded_in()
    {
        Rounds.Sample(
            round =>
            {
                var inOrder = Closed(round.Sheets.Select((s, j) => (round.First[j], s)));
                var reversed = Closed(round.Sheets.Select((s, j) => (round.First[j], s)).Reverse());
                return CoalitionsJson.Serialize(inOrder.Results()) == CoalitionsJson.Serialize(reversed.Results());
            },
            iter: 60);
    }

    [Fact]
    public void Every_factor_scores_the_exact_mean_of_its_ratings()
    {
        Rounds.Sample(
            round =>
            {
                var results = Closed(round.Sheets.Select((s, j) => (round.First[j], s))).Results();
                return results.Factors.All(factor =>
                {
                    var scores = round.Sheets.SelectMany(s => s).Where(r => HealthCheckStatements.Standard.Single(x => x.Key == r.Statement).Factor == factor.Factor).Select(r => (long)r.Score).ToArray();
                    return scores.Length == factor.Ratings && (scores.Length == 0 ? factor.Mean is null : factor.Mean == new Fraction(scores.Sum(), scores.Length));
                });
            },
            iter: 60);
    }

    private static HealthCheck Closed(IEnumerable<(int Member, IReadOnlyList<HealthRating> Sheet)> responses)
    {
        var check = OpenSpring();
        foreach (var (member, sheet) in responses)
        {
            check.RespondAs(member, sheet);
        }

        check.Close(Key, Nine, Secretariat, Hours(5));
        return check;
    }

    // The round's stored events as JSON, each tag replaced by the same placeholder.
    private static string[] Stored(IReadOnlyList<HealthRating>[] sheets, int[] members)
    {
        var check = Closed(sheets.Select((s, j) => (members[j], s)));
        return check.DequeueUncommittedEvents().Select(CoalitionsJson.SerializeEvent).Select(json => Tag().Replace(json, "\"tag\":\"-\"")).ToArray();
    }

    [GeneratedRegex("\"tag\":\"[0-9a-f]{64}\"")]
    private static partial Regex Tag();
}
