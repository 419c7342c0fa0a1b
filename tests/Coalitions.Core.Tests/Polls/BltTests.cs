using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;
using static Coalitions.Core.Tests.Polls.Votes;

namespace Coalitions.Core.Tests.Polls;

/// <summary>Ballot files in the BLT format that OpenSTV, Droop and OpaVote share: read, written, and recounted.</summary>
public class BltTests
{
    private static readonly PollRule Gregory = new(PollMethod.SingleTransferableVote, Seats: 3, Transfer: StvTransfer.WeightedInclusiveGregory);

    [Fact]
    public void The_food_election_written_as_a_ballot_file_recounts_to_the_same_result()
    {
        var text = Blt.Write(Blt.FromBallots("Food for the party", Gregory, WorkedExampleTests.Foods, WorkedExampleTests.Food()));
        var election = Blt.Read(text);
        var recount = PollTally.CountLines(Gregory, election.Options, election.Lines);

        Assert.Equal(
            "5 3\n4 1 0\n2 2 1 0\n8 3 4 0\n4 3 5 0\n1 4 0\n1 5 0\n0\n\"Oranges\"\n\"Pears\"\n\"Chocolate\"\n\"Strawberries\"\n\"Hamburgers\"\n\"Food for the party\"\n",
            text);
        Assert.Equal(["Chocolate", "Oranges", "Strawberries"], recount.Winners.Select(k => election.Options.Single(o => o.Key == k).Label));
        Assert.Equal(
            PollTally.Count(Gregory, WorkedExampleTests.Foods, WorkedExampleTests.Food()).Rounds.Select(r => r.Totals.Select(t => t.Votes).ToArray()),
            recount.Rounds.Select(r => r.Totals.Select(t => t.Votes).ToArray()));
    }

    [Fact]
    public void A_ballot_file_is_read_with_withdrawn_candidates_skipped_ranks_equal_rankings_ballot_ids_and_comments()
    {
        const string text = """
            # The layout OpenSTV and Droop document: candidates and seats, withdrawn, ballots, 0, names, title.
            4 2
            -2
            3 1 3 4 0
            4 1 3 2 0   # Basil is withdrawn: struck from the ballot
            2 4 1 3 0

            1 2 4 1 0
            1 4 - 3 0
            (b7) 1 1=3 0
            0
            "Adam"
            "Basil"
            "Charlotte"
            "Donald"
            "Election for 2 seats" # the title
            """;

        var election = Blt.Read(text);

        Assert.Equal("Election for 2 seats", election.Title);
        Assert.Equal(2, election.Seats);
        Assert.Equal(["Adam", "Basil", "Charlotte", "Donald"], election.Candidates.Select(c => c.Label));
        Assert.Equal(["1", "2", "3", "4"], election.Candidates.Select(c => c.Key));
        Assert.Equal(["2"], election.Withdrawn);
        Assert.Equal(["1", "3", "4"], election.Options.Select(o => o.Key));
        Assert.Equal([3, 4, 2, 1, 1, 1], election.Lines.Select(l => l.Count));
        Assert.Equal(
            ["1|3|4", "1|3", "4|1|3", "4|1", "4||3", "1=3"],
            election.Lines.Select(l => string.Join('|', l.Ranks.Select(r => string.Join('=', r)))));
    }

    [Fact]
    public void A_ballot_file_counts_with_the_rules_of_the_poll_that_reads_it()
    {
        var election = Blt.Read("3 1\n4 1 0\n3 2 0\n1 3 1=2 0\n1 3 - - 2 0\n1 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"Club chair\"\n");
        var rule = new PollRule(PollMethod.RankedChoice, BallotRules: new RankedBallotRules(OvervoteRule.Exhaust, MaxConsecutiveSkips: 1));

        var result = PollTally.CountLines(rule, election.Options, election.Lines);

        Assert.Equal(10, result.Ballots);
        Assert.Equal(1, result.EmptyBallots);
        Assert.Equal([4m, 3m, 2m], result.Rounds[0].Totals.Select(t => t.Votes));
        Assert.Equal(2m, result.Rounds[1].Exhausted);
        Assert.Throws<CoalitionRuleException>(() => PollTally.CountLines(new PollRule(PollMethod.RankedChoice), election.Options, election.Lines));
    }

    public static TheoryData<string, string, int> MalformedFiles() => new()
    {
        { "3\n", ErrorCodes.Polls.BallotFileHeader.Code, 1 },
        { "\n# header\n1 1\n", ErrorCodes.Polls.BallotFileHeader.Code, 3 },
        { "3 3\n", ErrorCodes.Polls.BallotFileHeader.Code, 1 },
        { "3 1\n-4\n", ErrorCodes.Polls.BallotFileHeader.Code, 2 },
        { "3 1\n-1 -1\n", ErrorCodes.Polls.BallotFileHeader.Code, 2 },
        { "3 1\n1 1 2\n", ErrorCodes.Polls.BallotFileLine.Code, 2 },
        { "3 1\n1 1 0\n0 2 0\n", ErrorCodes.Polls.BallotFileLine.Code, 3 },
        { "3 1\n1 4 0\n", ErrorCodes.Polls.BallotFileLine.Code, 2 },
        { "3 1\n1 1 x 0\n", ErrorCodes.Polls.BallotFileLine.Code, 2 },
        { "3 1\n1 1 0 2 0\n", ErrorCodes.Polls.BallotFileLine.Code, 2 },
        { "3 1\n(7) 2 1 0\n", ErrorCodes.Polls.BallotFileLine.Code, 2 },
        { "3 1\n1 1 1 1 1 1 1 1 0\n", ErrorCodes.Polls.BallotFileLine.Code, 2 },
        { "3 1\n2147483647 1 0\n1 2 0\n", ErrorCodes.Polls.BallotFileSize.Code, 3 },
        { "3 1\n1 1 0\n", ErrorCodes.Polls.BallotFileSize.Code, 3 },
        { "3 1\n1 1 0\n0\n\"A\"\n\"B\"\n", ErrorCodes.Polls.BallotFileSize.Code, 6 },
        { "3 1\n1 1 0\n0\nA\n", ErrorCodes.Polls.BallotFileText.Code, 4 },
        { "3 1\n1 1 0\n0\n\"A\"\n\"B\u0007\"\n", ErrorCodes.Polls.BallotFileText.Code, 5 },
        { "3 1\n1 1 0\n0\n\"A\"\n\"  \"\n", ErrorCodes.Polls.BallotFileText.Code, 5 },
        { "3 1\n1 1 0\n0\n\"A\"\n\"" + new string('b', 201) + "\"\n", ErrorCodes.Polls.BallotFileText.Code, 5 },
        { "3 1\n1 1 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\" extra\n", ErrorCodes.Polls.BallotFileText.Code, 7 },
        { "3 1\n1 1 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n\"more\"\n", ErrorCodes.Polls.BallotFileText.Code, 8 },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void A_malformed_ballot_file_is_refused_with_a_code_that_names_the_line(string text, string code, int line)
    {
        var error = Assert.Throws<CoalitionRuleException>(() => Blt.Read(text));

        Assert.Equal(code, error.Code.Code);
        Assert.Contains($"line {line}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ballot_file_longer_than_32_MiB_is_refused()
    {
        var error = Assert.Throws<CoalitionRuleException>(() => Blt.Read(new string(' ', Blt.MaxLength + 1)));

        Assert.Equal(ErrorCodes.Polls.BallotFileSize, error.Code);
    }

    [Fact]
    public void A_name_or_title_a_ballot_file_cannot_hold_is_refused_when_written()
    {
        PollOption[] quoted = [new("a", "The \"Green\" list"), new("b", "B")];

        Assert.Equal(ErrorCodes.Polls.BallotFileText, Assert.Throws<CoalitionRuleException>(() => Blt.Write(Blt.FromBallots("Board", new PollRule(PollMethod.RankedChoice), quoted, []))).Code);
        Assert.Equal(ErrorCodes.Polls.BallotFileText, Assert.Throws<CoalitionRuleException>(() => Blt.FromBallots("Board\n", new PollRule(PollMethod.RankedChoice), Options("a", "b"), [])).Code);
    }

    [Fact]
    public void A_ballot_file_holds_the_ballots_as_counted_under_the_polls_ballot_rules()
    {
        var rule = new PollRule(PollMethod.RankedChoice, BallotRules: new RankedBallotRules(OvervoteRule.Exhaust, DuplicateRule.Skip, MaxConsecutiveSkips: 0));
        var ballots = Marked((2, [["c"], ["a", "b"], ["a"]]), (1, [["b"], [], ["a"]]), (1, [["a"], ["a"], ["b"]]), (1, []));

        var text = Blt.Write(Blt.FromBallots("Chair", rule, Options("a", "b", "c"), ballots));

        Assert.Equal("3 1\n2 3 0\n1 2 0\n1 1 2 0\n1 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"Chair\"\n", text);
    }
}
