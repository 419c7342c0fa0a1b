using Coalitions.Core.Decisions;
using Coalitions.Core.Polls;
using Coalitions.Core.Tests.Kit;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Polls.Guide;

/// <summary>docs/polls-and-elections.md shows the code of <see cref="PollsGuide"/>, which compiles with these tests and runs here.</summary>
public sealed partial class PollsGuideTests
{
    [Fact]
    public void The_code_in_the_polls_guide_is_the_code_these_tests_compile()
    {
        GuidePage.AssertShows("docs/polls-and-elections.md", "tests/Coalitions.Core.Tests/Polls/Guide/PollsGuide.cs");
    }

    [Fact]
    public void The_election_of_the_guide_runs_and_its_stored_result_reads_back_in_the_same_words()
    {
        var (poll, result) = PollsGuide.RunAnElection(TheCoalition, Members(3), Chair, Partner(2), Person(2), Start);

        var words = PollsGuide.WordsOfAStoredResult(poll);

        Assert.Equal(["baraka"], result.Winners);
        Assert.StartsWith("Elected: Baraka Mwangi.\nRound 1: Amina Otieno 0, Baraka Mwangi 1, Chiara Okafor 0.", words, StringComparison.Ordinal);
        Assert.Equal(PollStatus.Closed, poll.Status);
    }
}
