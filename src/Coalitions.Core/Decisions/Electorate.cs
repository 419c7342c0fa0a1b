using System.Text.Json.Serialization;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Decisions;

/// <summary>
/// A member organization entitled to vote on a proposal, as frozen when voting opens: its weight,
/// chamber, veto right and the people who may cast its ballot.
/// </summary>
public sealed record Voter
{
    /// <summary>Initializes a voter.</summary>
    /// <param name="partner">The member organization.</param>
    /// <param name="representatives">The people who may cast its ballot; at least one.</param>
    /// <param name="weight">Its voting weight, zero or more (default 1).</param>
    /// <param name="chamber">Its chamber, for chamber votes.</param>
    /// <param name="subChamber">Its sub-chamber within the chamber.</param>
    /// <param name="hasVeto">Whether it holds a veto.</param>
    /// <param name="name">A display name for explanations; the id is used when absent.</param>
    /// <exception cref="CoalitionRuleException">The voter is ill-formed (<c>Decisions.InvalidElectorate</c>).</exception>
    [JsonConstructor]
    public Voter(PartnerId partner, IReadOnlyList<PersonId> representatives, long weight = 1, string? chamber = null, string? subChamber = null, bool hasVeto = false, string? name = null)
    {
        Preconditions.CheckNotNull(representatives, nameof(representatives));
        string? problem = null;
        if (weight < 0)
        {
            problem = $"Voter {partner} has a negative weight ({weight}).";
        }
        else if (representatives.Count == 0)
        {
            problem = $"Voter {partner} has no representative who could cast its ballot.";
        }
        else if (subChamber is not null && chamber is null)
        {
            problem = $"Voter {partner} has a sub-chamber but no chamber.";
        }

        if (problem is not null)
        {
            throw new CoalitionRuleException(ErrorCodes.Decisions.InvalidElectorate, problem);
        }

        Partner = partner;
        Representatives = representatives.Distinct().ToArray();
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
}

/// <summary>A sub-chamber (for example "north" or "south") with its weight within its chamber.</summary>
/// <param name="Name">The name.</param>
/// <param name="Weight">The weight within the chamber, one or more.</param>
public sealed record SubChamber(string Name, long Weight);

/// <summary>
/// A chamber of a multi-stakeholder coalition (for example environmental, social, economic), with its
/// weight in the overall result and, optionally, sub-chambers.
/// </summary>
public sealed record Chamber
{
    /// <summary>Initializes a chamber.</summary>
    /// <param name="name">The name.</param>
    /// <param name="weight">Its weight among chambers, one or more.</param>
    /// <param name="subChambers">Its sub-chambers, if any.</param>
    [JsonConstructor]
    public Chamber(string name, long weight, IReadOnlyList<SubChamber>? subChambers = null)
    {
        Name = name;
        Weight = weight;
        SubChambers = subChambers?.ToArray() ?? [];
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
/// <remarks>Immutable. Voter lookups are O(1).</remarks>
/// <threadsafety>Safe to share between threads.</threadsafety>
public sealed class Electorate
{
    private readonly VoterTable _table;
    private readonly int[] _groupOfVoter;
    private readonly (int Chamber, long Weight)[] _groups;
    private readonly long[] _groupHeadcount;
    private readonly long[] _groupTotalWeight;

    /// <summary>Initializes an electorate.</summary>
    /// <param name="voters">The voters; each partner once.</param>
    /// <param name="chambers">The chambers, if the coalition has them; then every voter belongs to one.</param>
    /// <exception cref="CoalitionRuleException">A partner appears twice, or chambers do not fit (<c>Decisions.InvalidElectorate</c>).</exception>
    [JsonConstructor]
    public Electorate(IReadOnlyList<Voter> voters, IReadOnlyList<Chamber>? chambers = null)
    {
        Preconditions.CheckNotNull(voters, nameof(voters));
        Voters = voters.ToArray();
        Chambers = chambers?.ToArray() ?? [];
        foreach (var voter in Voters)
        {
            Preconditions.CheckNotNull(voter, nameof(voters));
        }

        (_groups, _groupOfVoter) = BuildGroups(Voters, Chambers);
        _table = new VoterTable(Voters, _groupOfVoter);
        _groupHeadcount = new long[_groups.Length];
        _groupTotalWeight = new long[_groups.Length];
        for (var i = 0; i < Voters.Count; i++)
        {
            var group = _groupOfVoter[i];
            _groupHeadcount[group]++;
            _groupTotalWeight[group] = checked(_groupTotalWeight[group] + Voters[i].Weight);
            TotalWeight = checked(TotalWeight + Voters[i].Weight);
        }
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
    public Electorate Without(IReadOnlyCollection<PartnerId> partners)
    {
        Preconditions.CheckNotNull(partners, nameof(partners));
        return partners.Count == 0 || !partners.Any(Contains)
            ? this
            : new Electorate(Voters.Where(v => !partners.Contains(v.Partner)).ToArray(), Chambers);
    }

    internal int LongestProbe() => _table.LongestProbe();

    internal int IndexOf(PartnerId partner) => _table.TryFind(partner, out var i, out _, out _) ? i : -1;

    internal bool TryFind(PartnerId partner, out int index, out int group, out long weight) =>
        _table.TryFind(partner, out index, out group, out weight);

    internal int GroupOf(int voterIndex) => _groupOfVoter[voterIndex];

    internal int ChamberOfGroup(int group) => _groups[group].Chamber;

    internal long GroupWeight(int group) => _groups[group].Weight;

    internal long GroupTotal(int group, Measure measure) =>
        measure == Measure.Headcount ? _groupHeadcount[group] : _groupTotalWeight[group];

    internal long Total(Measure measure) => measure == Measure.Headcount ? Count : TotalWeight;

    private static ((int, long)[] Groups, int[] GroupOfVoter) BuildGroups(IReadOnlyList<Voter> voters, IReadOnlyList<Chamber> chambers)
    {
        var groupOfVoter = new int[voters.Count];
        if (chambers.Count == 0)
        {
            if (voters.Any(v => v.Chamber is not null))
            {
                throw new CoalitionRuleException(ErrorCodes.Decisions.InvalidElectorate, "A voter names a chamber, but the electorate has no chambers.");
            }

            return ([(0, 1)], groupOfVoter);
        }

        var groups = new List<(int, long)>();
        var groupIndex = new Dictionary<(string, string?), int>();
        var chamberNames = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < chambers.Count; c++)
        {
            var chamber = chambers[c];
            var subNames = new HashSet<string>(StringComparer.Ordinal);
            if (string.IsNullOrWhiteSpace(chamber.Name) || chamber.Weight < 1 || !chamberNames.Add(chamber.Name) ||
                chamber.SubChambers.Any(s => string.IsNullOrWhiteSpace(s.Name) || s.Weight < 1 || !subNames.Add(s.Name)))
            {
                throw new CoalitionRuleException(ErrorCodes.Decisions.InvalidElectorate, $"Chamber '{chamber.Name}' needs a unique name, a weight of one or more, and uniquely named sub-chambers of weight one or more.");
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
                throw new CoalitionRuleException(
                    ErrorCodes.Decisions.InvalidElectorate,
                    $"Voter {voter.DisplayName} must belong to one of the electorate's chambers (and to a sub-chamber where the chamber has them); it names '{voter.Chamber}'/'{voter.SubChamber}'.");
            }

            groupOfVoter[i] = group;
        }

        return (groups.ToArray(), groupOfVoter);
    }
}

/// <summary>A ballot as the tally counts it: a voter and its stance.</summary>
/// <param name="Voter">The member organization voting.</param>
/// <param name="Stance">Its stance.</param>
public readonly record struct Ballot(PartnerId Voter, Stance Stance);
