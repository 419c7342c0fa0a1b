using Coalitions.Core.Decisions;
using Coalitions.Core.Kernel;
using NodaTime;

namespace Coalitions.Core.Serialization;

/// <summary>
/// The fast path for the text this writer writes for the most common ballot: the person casting it in its voter's
/// name, no reason, no proxy holder, a time in whole seconds. Replaying a proposal reads a hundred thousand of these.
/// </summary>
/// <remarks>
/// It reads the stored string itself (no transcoding to UTF-8, no token reader), and only that exact layout: every
/// character outside the values is compared, each GUID is 36 hexadecimal digits with hyphens, the round is a JSON whole
/// number without sign or leading zero, the stance one of its names, the time valid. Anything else (a space, an escape,
/// another order, another property, a bad date, an empty id) is left to the general ballot reader, which accepts or
/// refuses it with its own words; the fast path never refuses. A property test checks that whatever the fast path
/// accepts, the reader reads as the same ballot.
/// </remarks>
internal static partial class BallotCastJson
{
    private const string CanonicalStart = "{\"$type\":\"Decisions.BallotCast\",\"proposal\":\"";

    /// <summary>Reads a ballot in the writer's most common layout; false for any other text (read it with <see cref="Read"/>).</summary>
    public static bool TryReadCanonical(ReadOnlySpan<char> json, out BallotCast? ballot)
    {
        ballot = null;
        if (!TryReadParts(json, out var parts))
        {
            return false;
        }

        // Well-formed by construction (see TryReadParts): ShapeProblem would find nothing to refuse.
        var voterId = PartnerId.FromGuid(parts.Voter);
        ballot = new BallotCast(ProposalId.FromGuid(parts.Proposal), parts.Round, voterId, parts.Stance, null, parts.At, Actor.Representing(PersonId.FromGuid(parts.Person), voterId));
        return true;
    }

    /// <summary>
    /// Reads the parts of a ballot in the writer's most common layout without building the event: for replay, which
    /// applies stored ballots to a proposal straight from their text. The parts are well-formed by construction (no
    /// empty id, a round not negative, a defined stance, a valid instant): exactly the ballots <see cref="ShapeProblem"/>
    /// passes among the texts of this layout.
    /// </summary>
    public static bool TryReadParts(ReadOnlySpan<char> json, out CanonicalBallot ballot)
    {
        ballot = default;
        if (!json.StartsWith(CanonicalStart.AsSpan()))
        {
            return false;
        }

        var rest = json[CanonicalStart.Length..];
        if (!TakeGuid(ref rest, out var proposal) || !Take(ref rest, "\",\"round\":") || !TakeRound(ref rest, out var round) ||
            !Take(ref rest, ",\"voter\":\"") || !TakeGuid(ref rest, out var voter) || !Take(ref rest, "\",\"stance\":\"") ||
            !TakeStance(ref rest, out var stance) || !Take(ref rest, "\",\"at\":\"") || !TakeInstant(ref rest, out var at) ||
            !Take(ref rest, "\",\"person\":\"") || !TakeGuid(ref rest, out var person) || !rest.SequenceEqual("\"}"))
        {
            return false;
        }

        if (proposal == Guid.Empty || voter == Guid.Empty || person == Guid.Empty)
        {
            return false;
        }

        ballot = new CanonicalBallot(proposal, round, voter, stance, at, person);
        return true;
    }

    private static bool Take(ref ReadOnlySpan<char> rest, string expected)
    {
        if (!rest.StartsWith(expected.AsSpan()))
        {
            return false;
        }

        rest = rest[expected.Length..];
        return true;
    }

    private static bool TakeGuid(ref ReadOnlySpan<char> rest, out Guid guid)
    {
        if (!GuidText.TryRead(rest, out guid))
        {
            return false;
        }

        rest = rest[GuidText.Length..];
        return true;
    }

    private static bool TakeRound(ref ReadOnlySpan<char> rest, out int round)
    {
        round = 0;
        var digits = 0;
        while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
        {
            digits++;
        }

        // A JSON whole number without leading zero (except 0 itself) that fits an int.
        if (digits is 0 or > 10 || (digits > 1 && rest[0] == '0'))
        {
            return false;
        }

        long value = 0;
        for (var i = 0; i < digits; i++)
        {
            value = (value * 10) + (rest[i] - '0');
        }

        if (value > int.MaxValue)
        {
            return false;
        }

        round = (int)value;
        rest = rest[digits..];
        return true;
    }

    // Each stance's name with its closing quote.
    private static readonly (string Text, Stance Stance)[] StanceNames =
    [
        ("Support\"", Stance.Support), ("StandAside\"", Stance.StandAside), ("Oppose\"", Stance.Oppose),
        ("Object\"", Stance.Object), ("Abstain\"", Stance.Abstain), ("Block\"", Stance.Block),
    ];

    private static bool TakeStance(ref ReadOnlySpan<char> rest, out Stance stance)
    {
        // The one name the first two letters allow, then compared whole.
        stance = 0;
        var candidate = rest.Length < 2 ? -1 : rest[0] switch
        {
            'S' => rest[1] == 'u' ? 0 : 1,
            'O' => rest[1] == 'p' ? 2 : 3,
            'A' => 4,
            'B' => 5,
            _ => -1,
        };
        if (candidate < 0 || !rest.StartsWith(StanceNames[candidate].Text.AsSpan()))
        {
            return false;
        }

        stance = StanceNames[candidate].Stance;
        rest = rest[(StanceNames[candidate].Text.Length - 1)..];
        return true;
    }

    private static bool TakeInstant(ref ReadOnlySpan<char> rest, out Instant at)
    {
        at = default;
        if (rest.Length < 20 || !TryWholeSecond(rest[..20], out at))
        {
            return false;
        }

        rest = rest[20..];
        return true;
    }
}

/// <summary>The parts of a stored ballot in the writer's most common layout: cast by <paramref name="Person"/> in its voter's name, no reason, no proxy holder.</summary>
/// <param name="Proposal">The proposal, never the empty GUID.</param>
/// <param name="Round">The round, not negative.</param>
/// <param name="Voter">The voter, never the empty GUID.</param>
/// <param name="Stance">A defined stance.</param>
/// <param name="At">When, in whole seconds.</param>
/// <param name="Person">The voter's representative who cast it, never the empty GUID.</param>
internal readonly record struct CanonicalBallot(Guid Proposal, int Round, Guid Voter, Stance Stance, Instant At, Guid Person);
