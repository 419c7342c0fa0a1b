using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Decisions;

/// <summary>
/// What an ill-formed voter, chamber or electorate is refused with: the words a host shows, and the limits at their edge
/// (found by the mutation run of Electorate.cs, where the refusals' codes were pinned and their words were not).
/// </summary>
public class ElectorateRefusalWordsTests
{
    private static readonly string Long = new('n', Limits.NameLength + 1);
    private static readonly string Longest = new('n', Limits.NameLength);

    public static TheoryData<string, Action, string> Refusals() => new()
    {
        { "blank name", () => _ = new Voter(Partner(1), [Person(1)], name: "  "), $"The name of voter {Partner(1)} is blank." },
        { "long name", () => _ = new Voter(Partner(1), [Person(1)], name: Long), $"The name of voter {Partner(1)} is longer than 200 characters." },
        { "name of two lines", () => _ = new Voter(Partner(1), [Person(1)], name: "a\tb"), $"The name of voter {Partner(1)} is not one line: it holds a line break, a tab or a control character." },
        { "no representative", () => _ = new Voter(Partner(1), [], name: "Girls Learn"), "Girls Learn needs one to 100 representatives who may cast its ballot." },
        { "no representative, no name", () => _ = new Voter(Partner(1), []), $"{Partner(1)} needs one to 100 representatives who may cast its ballot." },
        { "101 representatives", () => _ = new Voter(Partner(1), [.. Enumerable.Range(1, 101).Select(Person)]), $"{Partner(1)} needs one to 100 representatives who may cast its ballot." },
        { "a representative twice", () => _ = new Voter(Partner(1), [Person(1), Person(1)], name: "Girls Learn"), $"Girls Learn lists person {Person(1)} twice among its representatives." },
        { "weight", () => _ = new Voter(Partner(1), [Person(1)], -1, name: "Girls Learn"), "Girls Learn has a weight of -1; a weight is from 0 to 1,000,000,000,000." },
        { "blank chamber", () => _ = new Voter(Partner(1), [Person(1)], chamber: " ", subChamber: "a", name: "Girls Learn"), "The chamber or sub-chamber of Girls Learn is blank." },
        { "blank sub-chamber", () => _ = new Voter(Partner(1), [Person(1)], chamber: "north", subChamber: " ", name: "Girls Learn"), "The chamber or sub-chamber of Girls Learn is blank." },
        { "sub-chamber without chamber", () => _ = new Voter(Partner(1), [Person(1)], subChamber: "a", name: "Girls Learn"), "Girls Learn has a sub-chamber but no chamber." },
        { "chamber without name", () => _ = new Chamber(null!, 1), "The name of a chamber is missing." },
        { "chamber with a long name", () => _ = new Chamber(Long, 1), "The name of a chamber is longer than 200 characters." },
        { "chamber weight", () => _ = new Chamber("north", Limits.MaxWeight + 1), "Chamber 'north' has a weight of 1,000,000,000,001; a chamber's weight is from 1 to 1,000,000,000,000." },
        { "101 sub-chambers", () => _ = new Chamber("north", 1, [.. Enumerable.Range(1, 101).Select(i => new SubChamber($"s{i}", 1))]), "Chamber 'north' has more than 100 sub-chambers." },
        { "sub-chamber without name", () => _ = new Chamber("north", 1, [new SubChamber(null!, 1)]), "Chamber 'north' needs uniquely named sub-chambers (one line of at most 200 characters each) with a weight from 1 to 1,000,000,000,000." },
        { "missing sub-chamber", () => _ = new Chamber("north", 1, [null!]), "Chamber 'north' needs uniquely named sub-chambers (one line of at most 200 characters each) with a weight from 1 to 1,000,000,000,000." },
        { "heavy sub-chamber", () => _ = new Chamber("north", 1, [new SubChamber("a", Limits.MaxWeight + 1)]), "Chamber 'north' needs uniquely named sub-chambers (one line of at most 200 characters each) with a weight from 1 to 1,000,000,000,000." },
        { "no list", () => _ = new Electorate(null!), "An electorate needs its list of voters; an empty list is fine." },
        { "101 chambers", () => _ = new Electorate([], [.. Enumerable.Range(1, 101).Select(i => new Chamber($"c{i}", 1))]), "An electorate holds at most 5,000,000 voters and 100 chambers." },
        { "missing voter", () => _ = new Electorate([Voter(1), null!]), "Voter number 2 of the electorate is missing." },
        { "missing chamber", () => _ = new Electorate([], [new Chamber("north", 1), null!]), "A chamber of the electorate is missing." },
        { "total weight", () => _ = new Electorate([.. Enumerable.Range(1, 1001).Select(i => Voter(i, weight: Limits.MaxWeight))]), "The electorate's total weight is 1,001,000,000,000,000; it may be at most 1,000,000,000,000,000." },
        { "chamber twice", () => _ = new Electorate([], [new Chamber("north", 1), new Chamber("north", 2)]), "Chamber 'north' appears twice in the electorate." },
        { "chamber of no electorate's", () => _ = new Electorate([Voter(1, chamber: "north")]), "Member 1 names chamber 'north', but the electorate has no chambers." },
        { "unknown chamber", () => _ = new Electorate([Voter(1, chamber: "south")], [new Chamber("north", 1)]), "Member 1 must belong to one of the electorate's chambers (and to a sub-chamber where the chamber has them); it names 'south' and 'none'." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void An_ill_formed_voter_chamber_or_electorate_is_refused_in_words(string what, Action make, string expected)
    {
        var refusal = Assert.Throws<CoalitionRuleException>(make);

        Assert.True(refusal.Has(ErrorCodes.Decisions.InvalidElectorate), what);
        Assert.Equal(expected, refusal.Message);
    }

    [Fact]
    public void Names_weights_and_counts_at_their_limits_are_taken()
    {
        var voter = new Voter(Partner(1), [.. Enumerable.Range(1, global::Coalitions.Core.Decisions.Voter.MaxRepresentatives).Select(Person)], Limits.MaxWeight, name: Longest);
        var chamber = new Chamber(Longest, Limits.MaxWeight, [.. Enumerable.Range(1, Electorate.MaxChambers).Select(i => new SubChamber($"s{i}", i == 1 ? Limits.MaxWeight : 1))]);
        var electorate = new Electorate([], [.. Enumerable.Range(1, Electorate.MaxChambers).Select(i => new Chamber($"c{i}", 1))]);

        Assert.Equal((global::Coalitions.Core.Decisions.Voter.MaxRepresentatives, Limits.MaxWeight), (voter.Representatives.Count, voter.Weight));
        Assert.Equal(Electorate.MaxChambers, chamber.SubChambers.Count);
        Assert.Equal(Electorate.MaxChambers, electorate.Chambers!.Count);
    }

    [Fact]
    public void An_electorate_without_none_of_its_voters_is_itself_and_without_some_is_a_new_one()
    {
        var electorate = Members(3);

        Assert.Same(electorate, electorate.Without([]));
        Assert.Same(electorate, electorate.Without([Partner(9)]));
        Assert.Equal([Partner(1), Partner(3)], electorate.Without([Partner(2), Partner(9)]).Voters.Select(v => v.Partner));
        Assert.Equal([Partner(3)], electorate.Without(new HashSet<PartnerId> { Partner(1), Partner(2) }).Voters.Select(v => v.Partner));
        Assert.Equal(ErrorCodes.Kernel.InvalidInput, Assert.Throws<CoalitionRuleException>(() => electorate.Without(null!)).Code);
    }
}
