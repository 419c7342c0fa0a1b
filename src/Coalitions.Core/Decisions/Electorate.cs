using System.Text.Json.Serialization;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Decisions;

/// <summary>
/// A member organization entitled to vote on a proposal, as frozen when voting opens: its weight,
/// chamber, veto right and the people who may cast its ballot.
/// </summary>
/// <remarks>
/// Checked when built, from code or from a stored event alike: a real partner id, one to
/// <see cref="MaxRepresentatives"/> distinct representatives (none the empty id), a weight from 0 to
/// <see cref="Limits.MaxWeight"/>, and names, chambers and sub-chambers of one line of at most
/// <see cref="Limits.NameLength"/> characters.
/// </remarks>
public sealed record Voter
{
    /// <summary>The most representatives one voter may list.</summary>
    public const int MaxRepresentatives = 100;

    /// <summary>Initializes a voter.</summary>
    /// <param name="partner">The member organization; never the empty id.</param>
    /// <param name="representatives">The people who may cast its ballot: one to <see cref="MaxRepresentatives"/>, each once, none the empty id.</param>
    /// <param name="weight">Its voting weight, from 0 to <see cref="Limits.MaxWeight"/> (default 1).</param>
    /// <param name="chamber">Its chamber, for chamber votes.</param>
    /// <param name="subChamber">Its sub-chamber within the chamber.</param>
    /// <param name="hasVeto">Whether it holds a veto.</param>
    /// <param name="name">A display name for explanations and messages; the id is used when absent.</param>
    /// <exception cref="CoalitionRuleException">An id is empty (<c>Kernel.EmptyId</c>) or the voter is ill-formed (<c>Decisions.InvalidElectorate</c>).</exception>
    [JsonConstructor]
    public Voter(PartnerId partner, IReadOnlyList<PersonId> representatives, long weight = 1, string? chamber = null, string? subChamber = null, bool hasVeto = false, string? name = null)
    {
        Ensure.Id(partner, nameof(partner));
        if (NameProblem(name) is { } badName)
        {
            throw Invalid("The name of voter {partner} " + badName, ("partner", partner), ("limit", Limits.NameLength));
        }

        var who = name ?? partner.ToString();
        if (representatives is null || representatives.Count == 0 || representatives.Count > MaxRepresentatives)
        {
            throw Invalid("{voter} needs one to {max} representatives who may cast its ballot.", ("voter", who), ("partner", partner), ("max", MaxRepresentatives));
        }

        var people = new PersonId[representatives.Count];
        for (var i = 0; i < people.Length; i++)
        {
            var person = Ensure.Id(representatives[i], "representative");
            // At most 100 people: a quadratic scan allocates nothing, which matters for electorates of millions.
            if (Array.IndexOf(people, person, 0, i) >= 0)
            {
                throw Invalid("{voter} lists person {person} twice among its representatives.", ("voter", who), ("partner", partner), ("person", person));
            }

            people[i] = person;
        }

        if (weight < 0 || weight > Limits.MaxWeight)
        {
            throw Invalid("{voter} has a weight of {weight}; a weight is from 0 to {max}.", ("voter", who), ("partner", partner), ("weight", weight), ("max", Limits.MaxWeight));
        }

        if ((NameProblem(chamber) ?? NameProblem(subChamber)) is { } badChamber)
        {
            throw Invalid("The chamber or sub-chamber of {voter} " + badChamber, ("voter", who), ("partner", partner), ("limit", Limits.NameLength));
        }

        if (subChamber is not null && chamber is null)
        {
            throw Invalid("{voter} has a sub-chamber but no chamber.", ("voter", who), ("partner", partner), ("subChamber", subChamber));
        }

        Partner = partner;
        Representatives = people;
        Weight = weight;
        Chamber = chamber;
        SubChamber = subChamber;
        HasVeto = hasVeto;
        Name = name;
    }

    /// <summary>Gets the member organization.</summary>
    public PartnerId Partner { get; }

    /// <summary>Gets the people who may cast its ballot.</summary>
    public IReadOnlyList<PersonId> Representatives { get; }

    /// <summary>Gets its voting weight.</summary>
    public long Weight { get; }

    /// <summary>Gets its chamber, if any.</summary>
    public string? Chamber { get; }

    /// <summary>Gets its sub-chamber, if any.</summary>
    public string? SubChamber { get; }

    /// <summary>Gets whether it holds a veto.</summary>
    public bool HasVeto { get; }

    /// <summary>Gets its display name, if known.</summary>
    public string? Name { get; }

    /// <summary>Gets the name, or the id when no name is known.</summary>
    [JsonIgnore]
    public string DisplayName => Name ?? Partner.ToString();

    /// <summary>Whether a person may cast this voter's ballot.</summary>
    /// <param name="person">The person.</param>
    /// <returns><see langword="true"/> for one of its representatives.</returns>
    public bool IsRepresentedBy(PersonId person)
    {
        foreach (var representative in Representatives)
        {
            if (representative == person)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What is wrong with an optional one-line name (a voter's, a chamber's), as the end of a sentence, or null.</summary>
    internal static string? NameProblem(string? text) =>
        text is null ? null :
        string.IsNullOrWhiteSpace(text) ? "is blank." :
        text.Length > Limits.NameLength ? "is longer than {limit} characters." :
        !FreeText.IsSingleLine(text) ? "is not one line: it holds a line break, a tab or a control character." : null;

    internal static CoalitionRuleException Invalid(string template, params ReadOnlySpan<(string, object?)> values) =>
        CoalitionRuleException.Because(ErrorCodes.Decisions.InvalidElectorate, template, values);
}

/// <summary>A sub-chamber (for example "north" or "south") with its weight within its chamber.</summary>
/// <param name="Name">The name.</param>
/// <param name="Weight">The weight within the chamber, one or more.</param>
public sealed record SubChamber(string Name, long Weight);

/// <summary>
/// A chamber of a multi-stakeholder coalition (for example environmental, social, economic), with its
/// weight in the overall result and, optionally, sub-chambers.
/// </summary>
/// <remarks>
/// Checked when built: a one-line name of at most <see cref="Limits.NameLength"/> characters, a weight from 1 to
/// <see cref="Limits.MaxWeight"/>, and at most <see cref="Electorate.MaxChambers"/> uniquely named sub-chambers, each
/// checked the same way.
/// </remarks>
public sealed record Chamber
{
    /// <summary>Initializes a chamber.</summary>
    /// <param name="name">The name: one line of at most 200 characters.</param>
    /// <param name="weight">Its weight among chambers, from 1 to <see cref="Limits.MaxWeight"/>.</param>
    /// <param name="subChambers">Its sub-chambers, if any.</param>
    /// <exception cref="CoalitionRuleException">The chamber or a sub-chamber is ill-formed (<c>Decisions.InvalidElectorate</c>).</exception>
    [JsonConstructor]
    public Chamber(string name, long weight, IReadOnlyList<SubChamber>? subChambers = null)
    {
        if (name is null || Voter.NameProblem(name) is not null)
        {
            throw Voter.Invalid("The name of a chamber " + (Voter.NameProblem(name) ?? "is missing."), ("limit", Limits.NameLength));
        }

        if (weight < 1 || weight > Limits.MaxWeight)
        {
            throw Voter.Invalid("Chamber '{chamber}' has a weight of {weight}; a chamber's weight is from 1 to {max}.", ("chamber", name), ("weight", weight), ("max", Limits.MaxWeight));
        }

        if (subChambers?.Count > Electorate.MaxChambers)
        {
            throw Voter.Invalid("Chamber '{chamber}' has more than {max} sub-chambers.", ("chamber", name), ("max", Electorate.MaxChambers));
        }

        var subs = subChambers?.ToArray() ?? [];
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sub in subs)
        {
            if (sub is null || (sub.Name is null ? "is missing." : Voter.NameProblem(sub.Name)) is not null || sub.Weight < 1 || sub.Weight > Limits.MaxWeight || !names.Add(sub.Name!))
            {
                throw Voter.Invalid(
                    "Chamber '{chamber}' needs uniquely named sub-chambers (one line of at most {limit} characters each) with a weight from 1 to {max}.",
                    ("chamber", name),
                    ("limit", Limits.NameLength),
                    ("max", Limits.MaxWeight));
            }
        }

        Name = name;
        Weight = weight;
        SubChambers = subs;
    }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets its weight among chambers.</summary>
    public long Weight { get; }

    /// <summary>Gets its sub-chambers.</summary>
    public IReadOnlyList<SubChamber> SubChambers { get; }
}

/// <summary>
/// Who may vote on a proposal: a snapshot of voters (with weights, chambers, vetoes and representatives)
/// and the coalition's chambers, taken when voting opens. Later changes to membership never change it.
/// </summary>
/// <remarks>
/// Immutable. Voter lookups are O(1); a partner id that is not a voter's (the empty id included) never finds one.
/// Checked when built, from code or from a stored event alike: at most <see cref="Limits.MaxVoters"/> voters, each
/// partner once, a total weight of at most <see cref="Limits.MaxTotalWeight"/>, at most <see cref="MaxChambers"/>
/// uniquely named chambers, and every voter in one of them where there are chambers.
/// </remarks>
/// <threadsafety>Safe to share between threads.</threadsafety>
[JsonConverter(typeof(Serialization.ElectorateJsonConverter))]
public sealed class Electorate
{
    /// <summary>The most chambers an electorate (and sub-chambers a chamber) may have.</summary>
    public const int MaxChambers = 100;

    private readonly VoterTable _table;
    private VoterJoin? _join;
    private readonly int[] _groupOfVoter;
    private readonly (int Chamber, long Weight)[] _groups;
    private readonly TallyBasis _basis;

    /// <summary>Initializes an electorate.</summary>
    /// <param name="voters">The voters: each partner once, at most <see cref="Limits.MaxVoters"/>, with a total weight of at most <see cref="Limits.MaxTotalWeight"/>.</param>
    /// <param name="chambers">The chambers, if the coalition has them (at most <see cref="MaxChambers"/>); then every voter belongs to one.</param>
    /// <exception cref="CoalitionRuleException">The list or a voter is missing, a partner appears twice, a bound is exceeded, or chambers do not fit (<c>Decisions.InvalidElectorate</c>).</exception>
    [JsonConstructor]
    public Electorate(IReadOnlyList<Voter> voters, IReadOnlyList<Chamber>? chambers = null)
    {
        if (voters is null)
        {
            throw Voter.Invalid("An electorate needs its list of voters; an empty list is fine.");
        }

        if (voters.Count > Limits.MaxVoters || chambers?.Count > MaxChambers)
        {
            throw Voter.Invalid("An electorate holds at most {max} voters and {chambers} chambers.", ("max", Limits.MaxVoters), ("chambers", MaxChambers));
        }

        Voters = voters.ToArray();
        Chambers = chambers?.ToArray() ?? [];
        for (var i = 0; i < Voters.Count; i++)
        {
            if (Voters[i] is null)
            {
                throw Voter.Invalid("Voter number {position} of the electorate is missing.", ("position", i + 1));
            }
        }

        if (Chambers.Any(c => c is null))
        {
            throw Voter.Invalid("A chamber of the electorate is missing.");
        }

        (_groups, _groupOfVoter) = BuildGroups(Voters, Chambers);
        _table = new VoterTable(Voters, _groupOfVoter);
        _basis = new TallyBasis(_groups.Length);
        for (var i = 0; i < Voters.Count; i++)
        {
            // Cannot overflow: at most 5,000,000 voters of at most 10^12 each.
            _basis.Add(_groupOfVoter[i], Voters[i].Weight, Voters[i].HasVeto);
        }

        var total = _basis.Weight;

        if (total > Limits.MaxTotalWeight)
        {
            throw Voter.Invalid("The electorate's total weight is {total}; it may be at most {max}.", ("total", total), ("max", Limits.MaxTotalWeight));
        }

        TotalWeight = total;
    }

    /// <summary>Gets an electorate with no voters.</summary>
    public static Electorate Empty { get; } = new([]);

    /// <summary>Gets the voters, in the order given.</summary>
    public IReadOnlyList<Voter> Voters { get; }

    /// <summary>Gets the chambers.</summary>
    public IReadOnlyList<Chamber> Chambers { get; }

    /// <summary>Gets the number of voters.</summary>
    [JsonIgnore]
    public int Count => Voters.Count;

    /// <summary>Gets the sum of all voters' weights.</summary>
    [JsonIgnore]
    public long TotalWeight { get; }

    /// <summary>Gets whether the coalition is organized in chambers.</summary>
    [JsonIgnore]
    public bool HasChambers => Chambers.Count > 0;

    internal int GroupCount => _groups.Length;

    /// <summary>Whether a partner may vote.</summary>
    /// <param name="partner">The partner.</param>
    /// <returns><see langword="true"/> when it is a voter.</returns>
    public bool Contains(PartnerId partner) => _table.TryFind(partner, out _, out _, out _);

    /// <summary>Finds a voter.</summary>
    /// <param name="partner">The partner.</param>
    /// <param name="voter">The voter, when found.</param>
    /// <returns><see langword="true"/> when the partner is a voter.</returns>
    public bool TryGetVoter(PartnerId partner, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Voter? voter)
    {
        if (_table.TryFind(partner, out var i, out _, out _))
        {
            voter = Voters[i];
            return true;
        }

        voter = null;
        return false;
    }

    /// <summary>The same electorate without some voters (for example those recused for a conflict of interest).</summary>
    /// <param name="partners">The partners to leave out.</param>
    /// <returns>A new electorate, or this one when nothing is left out.</returns>
    /// <exception cref="CoalitionRuleException"><paramref name="partners"/> is null (<c>Kernel.InvalidInput</c>).</exception>
    public Electorate Without(IReadOnlyCollection<PartnerId> partners)
    {
        Ensure.NotNull(partners, nameof(partners));
        if (partners.Count == 0 || !partners.Any(Contains))
        {
            return this;
        }

        var leaving = partners as IReadOnlySet<PartnerId> ?? partners.ToHashSet();
        return new Electorate(Voters.Where(v => !leaving.Contains(v.Partner)).ToArray(), Chambers);
    }

    internal int LongestProbe() => _table.LongestProbe();

    /// <summary>The voter table, for tallies that look up voters in batches.</summary>
    internal VoterTable Table => _table;

    /// <summary>
    /// The voters ordered for a join, built on the first tally that needs it: proposals never do (they keep running
    /// counts), so commands and replay do not pay for it. Safe across threads: two builders may race, and one result is kept.
    /// </summary>
    internal VoterJoin Join => _join ?? BuildJoin();

    private VoterJoin BuildJoin()
    {
        Interlocked.CompareExchange(ref _join, new VoterJoin(Voters, _groupOfVoter), null);
        return _join;
    }

    internal int IndexOf(PartnerId partner) => _table.TryFind(partner, out var i, out _, out _) ? i : -1;

    internal bool TryFind(PartnerId partner, out int index, out int group, out long weight) =>
        _table.TryFind(partner, out index, out group, out weight);

    internal bool TryFind(PartnerId partner, out int index, out int group, out long weight, out bool veto) =>
        _table.TryFind(partner, out index, out group, out weight, out veto);

    /// <summary>The headcount and weight per group and in all, and the veto holders: what a tally measures against (shared; clone it to change it).</summary>
    internal TallyBasis Basis => _basis;

    internal int GroupOf(int voterIndex) => _groupOfVoter[voterIndex];

    internal int ChamberOfGroup(int group) => _groups[group].Chamber;

    internal long GroupWeight(int group) => _groups[group].Weight;

    internal long Total(Measure measure) => measure == Measure.Headcount ? Count : TotalWeight;

    private static ((int, long)[] Groups, int[] GroupOfVoter) BuildGroups(IReadOnlyList<Voter> voters, IReadOnlyList<Chamber> chambers)
    {
        var groupOfVoter = new int[voters.Count];
        if (chambers.Count == 0)
        {
            if (voters.FirstOrDefault(v => v.Chamber is not null) is { } chambered)
            {
                throw Voter.Invalid("{voter} names chamber '{chamber}', but the electorate has no chambers.", ("voter", chambered.DisplayName), ("partner", chambered.Partner), ("chamber", chambered.Chamber));
            }

            return ([(0, 1)], groupOfVoter);
        }

        var groups = new List<(int, long)>();
        var groupIndex = new Dictionary<(string, string?), int>();
        var chamberNames = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < chambers.Count; c++)
        {
            var chamber = chambers[c];
            if (!chamberNames.Add(chamber.Name))
            {
                throw Voter.Invalid("Chamber '{chamber}' appears twice in the electorate.", ("chamber", chamber.Name));
            }

            if (chamber.SubChambers.Count == 0)
            {
                groupIndex[(chamber.Name, null)] = groups.Count;
                groups.Add((c, 1));
            }

            foreach (var sub in chamber.SubChambers)
            {
                groupIndex[(chamber.Name, sub.Name)] = groups.Count;
                groups.Add((c, sub.Weight));
            }
        }

        for (var i = 0; i < voters.Count; i++)
        {
            var voter = voters[i];
            if (voter.Chamber is null || !groupIndex.TryGetValue((voter.Chamber, voter.SubChamber), out var group))
            {
                throw Voter.Invalid(
                    "{voter} must belong to one of the electorate's chambers (and to a sub-chamber where the chamber has them); it names '{chamber}' and '{subChamber}'.",
                    ("voter", voter.DisplayName),
                    ("partner", voter.Partner),
                    ("chamber", voter.Chamber),
                    ("subChamber", voter.SubChamber));
            }

            groupOfVoter[i] = group;
        }

        return (groups.ToArray(), groupOfVoter);
    }
}

/// <summary>A ballot as the tally counts it: a voter, its stance, and whether the holder of its proxy cast it.</summary>
/// <param name="Voter">The member organization voting.</param>
/// <param name="Stance">Its stance.</param>
/// <param name="ByProxy">Whether the holder of the voter's proxy cast it (it counts toward quorum only where the rule says so).</param>
public readonly record struct Ballot(PartnerId Voter, Stance Stance, bool ByProxy = false);
