using Coalitions.Core.Agreements;
using Coalitions.Core.Kernel;
using Coalitions.Core.Polls;

namespace Coalitions.Core.Serialization;

/// <summary>
/// What <see cref="EventShape"/> finds wrong with the most frequent events after ballots on proposals, checked directly:
/// a poll ballot and a signature. The general check walks every property through reflection, boxing each id and each
/// entry of a ballot's points; profiles of <c>Poll.CastBallot</c> and <c>Agreement.Sign</c> put a fifth of each command
/// there. Each method returns exactly the general check's words (a test compares them on damaged events), so choosing
/// the direct path changes nothing a caller can see.
/// </summary>
internal static class DirectShapes
{
    /// <summary>The general check's verdict on a poll ballot event, in its words.</summary>
    public static string? Problem(PollBallotCast cast) =>
        cast.Poll.Value == Guid.Empty ? "PollBallotCast.Poll is the empty id."
        : cast.Ballot is not { } ballot ? "PollBallotCast.Ballot is missing (null)."
        : BallotProblem(ballot) is { } problem ? "PollBallotCast.Ballot " + problem
        : ActorProblem("PollBallotCast", cast.By);

    /// <summary>The general check's verdict on a signature, in its words.</summary>
    public static string? Problem(AgreementSigned signed) =>
        signed.Agreement.Value == Guid.Empty ? "AgreementSigned.Agreement is the empty id."
        : signed.Version < 0 ? "AgreementSigned.Version is negative."
        : signed.Party.Value == Guid.Empty ? "AgreementSigned.Party is the empty id."
        : signed.Person.Value == Guid.Empty ? "AgreementSigned.Person is the empty id."
        : ActorProblem("AgreementSigned", signed.By);

    private static string? ActorProblem(string type, Actor? by) =>
        by is null ? type + ".By is missing (null)."
        : by.Problem() is { } problem ? type + ".By the actor: " + problem
        : null;

    private static string? BallotProblem(PollBallot ballot)
    {
        if (ballot.Voter.Value == Guid.Empty)
        {
            return "PollBallot.Voter is the empty id.";
        }

        if (ballot.Ranking is null)
        {
            return "PollBallot.Ranking is missing (null).";
        }

        if (TextsProblem(ballot.Ranking) is { } ranking)
        {
            return "PollBallot.Ranking " + ranking;
        }

        if (ballot.Points is null)
        {
            return "PollBallot.Points is missing (null).";
        }

        var entries = 0;
        foreach (var (key, points) in ballot.Points)
        {
            if (++entries > Limits.MaxVoters)
            {
                return "PollBallot.Points holds too many entries.";
            }

            // Keys of a dictionary are never null; the general check reads them as nullable text.
            if ((EventShape.Text(key) ?? (points < 0 ? "is negative." : null)) is { } entry)
            {
                return "PollBallot.Points has an entry that " + entry;
            }
        }

        if (ballot.Ranks is not { } ranks)
        {
            return null;
        }

        var count = 0;
        foreach (var rank in ranks)
        {
            if (++count > Limits.MaxVoters)
            {
                return "PollBallot.Ranks holds too many items.";
            }

            if ((rank is null ? "is missing (null)." : TextsProblem(rank)) is { } problem)
            {
                return "PollBallot.Ranks has an item that " + problem;
            }
        }

        return null;
    }

    /// <summary>The general check of a list of required texts: bounded, no nulls, each text bounded and without control characters.</summary>
    private static string? TextsProblem(IReadOnlyList<string> texts)
    {
        var count = 0;
        foreach (var text in texts)
        {
            if (++count > Limits.MaxVoters)
            {
                return "holds too many items.";
            }

            if ((text is null ? "is missing (null)." : EventShape.Text(text)) is { } problem)
            {
                return "has an item that " + problem;
            }
        }

        return null;
    }
}
