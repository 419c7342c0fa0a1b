using Coalitions.Core.Coalitions;
using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using Coalitions.Core.Memberships;
using Coalitions.Core.Polls;
using Coalitions.Core.Serialization;
using NodaTime;
using static Coalitions.Core.Tests.Kit.Scenario;

namespace Coalitions.Core.Tests.Serialization;

/// <summary>After reading, an event's shape is checked: each problem is named with its type and property, at the edge where it begins.</summary>
public class EventShapeTests
{
    private static readonly MemberInvited Invited = new(TheCoalition, Partner(1), "Member 1", MembershipTier.Founding, [Person(1)], 1, new LocalDate(2026, 3, 2), Start, ChairActor);

    private static readonly PollTieDecided Tie = new(PollId.FromGuid(Guid.Parse("e1000000-0000-0000-0000-000000000001")), new PollTie(1, TieKind.FirstPlace, ["mon", "tue"], "tue", TieResolution.Host), Start, ChairActor);

    public static TheoryData<string, MemberInvited, string?> Invitations => new()
    {
        { "well-formed", Invited, null },
        { "empty coalition", Invited with { Coalition = default }, "MemberInvited.Coalition is the empty id." },
        { "empty partner", Invited with { Partner = default }, "MemberInvited.Partner is the empty id." },
        { "no name", Invited with { Name = null! }, "MemberInvited.Name is missing (null)." },
        { "undefined tier", Invited with { Tier = (MembershipTier)99 }, "MemberInvited.Tier has an undefined value (99)." },
        { "tier zero", Invited with { Tier = 0 }, "MemberInvited.Tier has an undefined value (0)." },
        { "two tiers combined", Invited with { Tier = MembershipTier.Founding | MembershipTier.Observer }, "MemberInvited.Tier has an undefined value (5)." },
        { "no delegates", Invited with { Delegates = null! }, "MemberInvited.Delegates is missing (null)." },
        { "no delegate", Invited with { Delegates = [] }, null },
        { "an empty delegate", Invited with { Delegates = [Person(1), default] }, "MemberInvited.Delegates has an item that is the empty id." },
        { "weight zero", Invited with { Weight = 0 }, null },
        { "weight minus one", Invited with { Weight = -1 }, "MemberInvited.Weight is negative." },
        { "weight the largest", Invited with { Weight = long.MaxValue }, null },
        { "weight the smallest", Invited with { Weight = long.MinValue }, "MemberInvited.Weight is negative." },
        { "Julian date", Invited with { On = new LocalDate(2026, 3, 2, CalendarSystem.Julian) }, "MemberInvited.On is not a date of the ISO calendar." },
        { "Gregorian date", Invited with { On = new LocalDate(2026, 3, 2, CalendarSystem.Gregorian) }, "MemberInvited.On is not a date of the ISO calendar." },
        { "name of 100,000 characters", Invited with { Name = new string('x', 100_000) }, null },
        { "name of 100,001 characters", Invited with { Name = new string('x', 100_001) }, "MemberInvited.Name is longer than 100,000 characters." },
        { "name with a bell", Invited with { Name = "Member\u0007" }, "MemberInvited.Name holds a control character." },
        { "name with a line break and a tab", Invited with { Name = "Member\n\t1" }, null },
        { "no actor", Invited with { By = null! }, "MemberInvited.By is missing (null)." },
        { "ill-formed actor", Invited with { By = new Actor(ActorKind.Person, null, null, null) }, "MemberInvited.By the actor: a person acted, but the person's id is missing or empty." },
    };

    [Theory]
    [MemberData(nameof(Invitations))]
    public void An_events_shape_problem_is_named_with_its_property(string damage, MemberInvited invited, string? expected)
    {
        var problem = EventShape.Problem(invited);
        Assert.True(problem == expected, $"{damage}: {problem ?? "well-formed"}");
    }

    [Fact]
    public void A_null_inside_a_list_of_a_nested_value_is_refused()
    {
        Assert.Null(EventShape.Problem(Tie));
        Assert.Equal("PollTieDecided.Decision PollTie.Tied has an item that is missing (null).", Problem((Tie with { Decision = Tie.Decision with { Tied = ["mon", null!] } })));
        Assert.Equal("PollTieDecided.Decision is missing (null).", Problem((Tie with { Decision = null! })));
        Assert.Equal("PollTieDecided.Decision PollTie.Round is negative.", Problem((Tie with { Decision = Tie.Decision with { Round = -1 } })));
        Assert.Null(EventShape.Problem(Tie with { Decision = Tie.Decision with { Round = 0, Chosen = null } }));
    }

    [Fact]
    public void A_count_may_be_zero_or_the_largest_int_but_not_negative()
    {
        var revised = new ProposalRevised(ProposalNumber(1), 0, "Text.", null, Start, ChairActor);
        Assert.Null(EventShape.Problem(revised));
        Assert.Equal("ProposalRevised.Revision is negative.", Problem((revised with { Revision = -1 })));
        Assert.Equal("ProposalRevised.Revision is negative.", Problem((revised with { Revision = int.MinValue })));
        Assert.Null(EventShape.Problem(revised with { Revision = int.MaxValue }));
    }

    [Fact]
    public void A_stored_shape_problem_is_refused_in_the_words_of_the_check()
    {
        var json = CoalitionsJson.SerializeEvent(Invited).Replace("\"weight\":1", "\"weight\":-1", StringComparison.Ordinal);

        var error = Assert.Throws<StoredEventException>(() => CoalitionsJson.DeserializeEvent(json));

        Assert.Equal(ErrorCodes.Kernel.UnreadableEvent, error.Code);
        Assert.Equal("Coalitions.MemberInvited", error.EventType);
        Assert.Equal("A stored event (Coalitions.MemberInvited) is unreadable: MemberInvited.Weight is negative.", error.Message);
    }

    [Fact]
    public void A_value_nested_more_than_sixteen_levels_deep_is_refused()
    {
        // The outermost value and sixteen nested in it are taken; a seventeenth nested value is refused.
        Assert.Null(Problem(Chain(17)));
        Assert.Equal(string.Concat(Enumerable.Repeat("Link.Next ", 17)) + "is nested too deeply.", Problem(Chain(18)));
    }

    [Fact]
    public void Each_list_and_dictionary_counts_as_a_level_of_nesting()
    {
        // A level of the tree is a value and its list (or dictionary) of children: two levels each.
        Assert.Null(Problem(ListTree(9)));
        Assert.EndsWith("Tree.Children has an item that is nested too deeply.", Problem(ListTree(10)), StringComparison.Ordinal);
        Assert.Null(Problem(DictionaryTree(9)));
        Assert.EndsWith("Branch.Children has an entry that is nested too deeply.", Problem(DictionaryTree(10)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_and_time_outside_the_iso_calendar_is_refused()
    {
        Assert.Null(Problem(new Appointment(new LocalDateTime(2026, 3, 2, 9, 0))));
        Assert.Equal("Appointment.At is not a date and time of the ISO calendar.", Problem(new Appointment(new LocalDateTime(2026, 3, 2, 9, 0, CalendarSystem.Julian))));
    }

    [Fact]
    public void A_negative_integer_inside_a_list_or_as_a_dictionary_key_is_refused()
    {
        Assert.Null(Problem(new Counts([0, 1, int.MaxValue], new Dictionary<long, string> { [0] = "none", [long.MaxValue] = "all" })));
        Assert.Equal("Counts.Items has an item that is negative.", Problem(new Counts([1, -1], new Dictionary<long, string>())));
        Assert.Equal("Counts.Named has an entry that is negative.", Problem(new Counts([], new Dictionary<long, string> { [-1] = "minus one" })));
    }

    [Fact]
    public void A_null_inside_an_array_is_refused_unless_its_items_may_be_null()
    {
        Assert.Null(Problem(new Names(["a", "b"], ["a", null])));
        Assert.Equal("Names.Required has an item that is missing (null).", Problem(new Names(["a", null!], [])));
    }

    [Fact]
    public void A_value_of_another_library_is_not_walked_for_the_packages_rules()
    {
        // System.Version keeps -1 in the parts it was not given; that is its own rule, not one of a stored fact.
        Assert.Null(Problem(new Release(new Version(1, 0), Guid.NewGuid(), 1.5m, Duration.FromHours(-1))));
    }

    private static string? Problem(object value) => EventShape.Problem(value);

    private static Link Chain(int links) => new(links, links == 1 ? null : Chain(links - 1));

    private static Tree ListTree(int levels) => new(levels == 1 ? [] : [ListTree(levels - 1)]);

    private static Branch DictionaryTree(int levels) => new(levels == 1 ? new Dictionary<string, Branch>() : new Dictionary<string, Branch> { ["child"] = DictionaryTree(levels - 1) });

    /// <summary>A value that holds another of its kind.</summary>
    public sealed record Link(int Number, Link? Next);

    /// <summary>A value with a list of children of its kind.</summary>
    public sealed record Tree(IReadOnlyList<Tree> Children);

    /// <summary>A value with named children of its kind.</summary>
    public sealed record Branch(IReadOnlyDictionary<string, Branch> Children);

    /// <summary>A value holding a local date and time.</summary>
    public sealed record Appointment(LocalDateTime At);

    /// <summary>A value holding integers in a list and as dictionary keys.</summary>
    public sealed record Counts(IReadOnlyList<int> Items, IReadOnlyDictionary<long, string> Named);

    /// <summary>A value holding arrays, one whose items may be null.</summary>
    public sealed record Names(string[] Required, string?[] Optional);

    /// <summary>A value holding values of other libraries.</summary>
    public sealed record Release(Version Version, Guid Id, decimal Share, Duration Lead);
}
