using Coalitions.Core.Agreements;
using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;
using Coalitions.Core.Serialization;
using CsCheck;
using NodaTime;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Serialization;

/// <summary>
/// Poll ballots and signatures, the most frequent events after ballots on proposals, are shape-checked directly instead
/// of by the general walk over their properties: with the same verdict, in the same words.
/// </summary>
public class DirectShapeTests
{
    private static readonly PollId ThePoll = PollId.FromGuid(Guid.Parse("e0000000-0000-0000-0000-000000000001"));
    private static readonly AgreementId TheAgreement = AgreementId.FromGuid(Guid.Parse("f0000000-0000-0000-0000-000000000001"));
    private static readonly Instant At = Instant.FromUtc(2026, 3, 2, 15, 0);

    private static readonly PollBallotCast Cast = new(ThePoll, PollBallot.Ranked(Partner(1), "a", "b"), At, For(1));

    private static readonly AgreementSigned Signed = new(TheAgreement, 1, Partner(1), Person(1), At, For(1));

    public static TheoryData<string, PollBallotCast> DamagedPollBallots => new()
    {
        { "well-formed", Cast },
        { "well-formed, scored", Cast with { Ballot = PollBallot.Scored(Partner(1), new Dictionary<string, int> { ["a"] = 3, ["b"] = 0 }) } },
        { "well-formed, marked", Cast with { Ballot = PollBallot.Marked(Partner(1), ["a"], [], ["b", "c"]) } },
        { "empty poll", Cast with { Poll = default } },
        { "no ballot", Cast with { Ballot = null! } },
        { "empty voter", Cast with { Ballot = Cast.Ballot with { Voter = default } } },
        { "no ranking", Cast with { Ballot = Cast.Ballot with { Ranking = null! } } },
        { "null option", Cast with { Ballot = Cast.Ballot with { Ranking = ["a", null!] } } },
        { "control character", Cast with { Ballot = Cast.Ballot with { Ranking = ["a\u0007"] } } },
        { "long option", Cast with { Ballot = Cast.Ballot with { Ranking = [new string('x', 100_001)] } } },
        { "no points", Cast with { Ballot = Cast.Ballot with { Points = null! } } },
        { "negative points", Cast with { Ballot = PollBallot.Scored(Partner(1), new Dictionary<string, int> { ["a"] = 1, ["b"] = -1 }) } },
        { "points for a bad key", Cast with { Ballot = PollBallot.Scored(Partner(1), new Dictionary<string, int> { ["a\u0001"] = 1 }) } },
        { "null rank", Cast with { Ballot = Cast.Ballot with { Ranking = [], Ranks = [["a"], null!] } } },
        { "null mark in a rank", Cast with { Ballot = Cast.Ballot with { Ranking = [], Ranks = [["a", null!]] } } },
        { "bad mark in a rank", Cast with { Ballot = Cast.Ballot with { Ranking = [], Ranks = [["\u001b"]] } } },
        { "no actor", Cast with { By = null! } },
        { "ill-formed actor", Cast with { By = new Actor(ActorKind.Person, null, null, null) } },
        { "a system", Cast with { By = Actor.System("scheduler") } },
    };

    public static TheoryData<string, AgreementSigned> DamagedSignatures => new()
    {
        { "well-formed", Signed },
        { "empty agreement", Signed with { Agreement = default } },
        { "negative version", Signed with { Version = -1 } },
        { "empty party", Signed with { Party = default } },
        { "empty person", Signed with { Person = default } },
        { "no actor", Signed with { By = null! } },
        { "ill-formed actor", Signed with { By = new Actor(ActorKind.System, Person(1), null, "cron") } },
    };

    [Theory]
    [MemberData(nameof(DamagedPollBallots))]
    public void A_poll_ballots_direct_shape_check_says_what_the_general_one_says(string damage, PollBallotCast cast)
    {
        Assert.Equal(EventShape.GeneralProblem(cast), EventShape.Problem(cast));
        Assert.Equal(damage.StartsWith("well-formed", StringComparison.Ordinal) || damage == "a system", EventShape.Problem(cast) is null);
    }

    [Theory]
    [MemberData(nameof(DamagedSignatures))]
    public void A_signatures_direct_shape_check_says_what_the_general_one_says(string damage, AgreementSigned signed)
    {
        Assert.Equal(EventShape.GeneralProblem(signed), EventShape.Problem(signed));
        Assert.Equal(damage == "well-formed", EventShape.Problem(signed) is null);
    }

    [Fact]
    public void Any_poll_ballot_gets_the_same_verdict_in_the_same_words_from_both_checks()
    {
        var text = Gen.OneOfConst("a", "b", "c\u0007", null!, "d\te");
        var ranks = text.Array[0, 3].Select(r => (IReadOnlyList<string>)r);
        var ballot = Gen.Select(
            Gen.Bool,
            text.Array[0, 4],
            Gen.Dictionary(Gen.OneOfConst("a", "b", "c\u0001"), Gen.Int[-2, 5])[0, 3],
            Gen.Frequency((3, Gen.Const((IReadOnlyList<IReadOnlyList<string>>?)null)), (2, ranks.Null().Array[0, 3].Select(a => (IReadOnlyList<IReadOnlyList<string>>?)a))),
            (emptyVoter, ranking, points, marks) => new PollBallot(emptyVoter ? default : Partner(1), ranking, points, marks));

        ballot.Sample(b =>
        {
            var cast = Cast with { Ballot = b };
            Assert.Equal(EventShape.GeneralProblem(cast), EventShape.Problem(cast));
        });
    }

    [Fact]
    public void A_stored_list_holds_at_most_five_million_items_in_both_shape_checks()
    {
        // The most a stored ballot can name is one entry per voter of the largest electorate.
        var most = Enumerable.Repeat("a", Limits.MaxVoters).ToArray();
        var tooMany = Enumerable.Repeat("a", Limits.MaxVoters + 1).ToArray();
        (PollBallotCast Cast, string? Problem)[] cases =
        [
            (Cast with { Ballot = Cast.Ballot with { Ranking = most } }, null),
            (Cast with { Ballot = Cast.Ballot with { Ranking = tooMany } }, "PollBallotCast.Ballot PollBallot.Ranking holds too many items."),
            (Cast with { Ballot = Cast.Ballot with { Ranks = [most] } }, null),
            (Cast with { Ballot = Cast.Ballot with { Ranks = [tooMany] } }, "PollBallotCast.Ballot PollBallot.Ranks has an item that holds too many items."),
            (Cast with { Ballot = Cast.Ballot with { Ranks = Enumerable.Repeat<IReadOnlyList<string>>(["a"], Limits.MaxVoters + 1).ToArray() } }, "PollBallotCast.Ballot PollBallot.Ranks holds too many items."),
        ];

        Assert.All(cases, c =>
        {
            Assert.Equal(c.Problem, EventShape.Problem(c.Cast));
            Assert.Equal(c.Problem, EventShape.GeneralProblem(c.Cast));
        });
    }
}
