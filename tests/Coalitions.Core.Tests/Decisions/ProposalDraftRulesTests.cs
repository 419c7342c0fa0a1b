using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Decisions;

/// <summary>
/// What a draft may hold, each rule at its edge: the largest draft is accepted whole, and one step past any limit is
/// refused with the rule's code and words, before anything is recorded.
/// </summary>
public class ProposalDraftRulesTests
{
    private static readonly ProposalDraft Plain = ProposalScenario.DraftOf(DecisionRule.SimpleMajority());

    [Fact]
    public void A_draft_at_every_limit_is_accepted()
    {
        var largest = Plain with
        {
            Matter = MatterType.Custom,
            CustomMatter = new string('m', 100),
            Title = new string('t', 200),
            Text = new string('x', 20_000),
            SecondersRequired = 20,
            Facilitators = [.. Enumerable.Range(1, 100).Select(Person)],
        };

        var proposal = Proposal.Draft(ProposalNumber(1), largest, For(1), Start);

        Assert.Equal(20, proposal.SecondersRequired);
        Assert.Equal(new string('m', 100), proposal.CustomMatter);
    }

    [Theory]
    [InlineData("no seconders below zero", "Decisions.InvalidProposal", "A proposal needs from 0 to 20 seconders.")]
    [InlineData("21 seconders", "Decisions.InvalidProposal", "A proposal needs from 0 to 20 seconders.")]
    [InlineData("no facilitator", "Decisions.InvalidProposal", "Name one to 100 facilitators who may open and close voting.")]
    [InlineData("101 facilitators", "Decisions.InvalidProposal", "Name one to 100 facilitators who may open and close voting.")]
    [InlineData("no rule", "Decisions.InvalidProposal", "A proposal is decided under a rule; give the rule book's rule for its matter.")]
    [InlineData("a name for a listed matter", "Decisions.InvalidProposal", "Only a custom matter has a name of its own.")]
    [InlineData("a custom matter's name of 101 characters", "Kernel.InvalidText", "at most 100 characters.")]
    [InlineData("a title of 201 characters", "Kernel.InvalidText", "at most 200 characters.")]
    [InlineData("an undefined matter", "Kernel.InvalidInput", "Matter has an undefined value.")]
    public void A_draft_one_step_past_a_limit_is_refused_with_the_rules_words(string past, string code, string words)
    {
        var draft = past switch
        {
            "no seconders below zero" => Plain with { SecondersRequired = -1 },
            "21 seconders" => Plain with { SecondersRequired = 21 },
            "no facilitator" => Plain with { Facilitators = [] },
            "101 facilitators" => Plain with { Facilitators = [.. Enumerable.Range(1, 101).Select(Person)] },
            "no rule" => Plain with { Rule = null! },
            "an undefined matter" => Plain with { Matter = (MatterType)99 },
            "a name for a listed matter" => Plain with { CustomMatter = "Annual report" },
            "a custom matter's name of 101 characters" => Plain with { Matter = MatterType.Custom, CustomMatter = new string('m', 101) },
            _ => Plain with { Title = new string('t', 201) },
        };

        var refusal = Assert.Throws<CoalitionRuleException>(() => Proposal.Draft(ProposalNumber(1), draft, For(1), Start));

        var failure = Assert.Single(refusal.Failures);
        Assert.Equal(code, failure.Code.Code);
        Assert.EndsWith(words, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_draft_for_the_empty_proposer_is_refused_as_not_the_actors_before_its_contents_are_read()
    {
        // No actor represents the empty id, so who acts is refused first; the draft's own check of the proposer stays for
        // an actor forged past its constructor.
        var refusal = Assert.Throws<CoalitionRuleException>(() => Proposal.Draft(ProposalNumber(1), Plain with { Proposer = default, Title = "" }, For(1), Start));

        Assert.Equal(ErrorCodes.Decisions.NotTheProposer, Assert.Single(refusal.Failures).Code);
    }
}
