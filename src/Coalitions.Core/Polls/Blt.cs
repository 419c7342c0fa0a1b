using System.Globalization;
using System.Text;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Polls;

/// <summary>
/// An election as a ballot file holds it, in the BLT format that OpenSTV, Droop, OpaVote and other counting programs
/// share: the candidates, the seats, the withdrawn candidates, the ballots as counted lines, and a title.
/// </summary>
/// <param name="Title">The election's title.</param>
/// <param name="Seats">The seats to fill.</param>
/// <param name="Candidates">Every candidate in the file's order (read from a file: keys "1", "2", … as the file numbers them, labels the names).</param>
/// <param name="Withdrawn">The keys of withdrawn candidates: listed, but struck from every ballot and not counted.</param>
/// <param name="Lines">The ballots, as lines of identical ballots.</param>
public sealed record BltElection(string Title, int Seats, IReadOnlyList<PollOption> Candidates, IReadOnlyList<string> Withdrawn, IReadOnlyList<BallotLine> Lines)
{
    /// <summary>Gets the candidates who stand: <see cref="Candidates"/> without the withdrawn, the options to count with.</summary>
    public IReadOnlyList<PollOption> Options => Candidates.Where(c => !Withdrawn.Contains(c.Key, StringComparer.Ordinal)).ToArray();
}

/// <summary>
/// Reads and writes ballot files in the BLT format, so a coalition can recount an election with another program or
/// count one another program holds.
/// </summary>
/// <remarks>
/// <para>The format, one item to a line (blank lines and <c>#</c> comments are passed over): the number of candidates
/// and of seats; optionally the withdrawn candidates as negative numbers (<c>-2 -5</c>); the ballot lines, each a
/// weight, the candidates' numbers from the first preference on and a closing <c>0</c> (<c>-</c> marks a skipped rank,
/// <c>2=3</c> two candidates marked at one rank; an OpenSTV ballot id in parentheses may open a line of weight 1); a
/// line holding <c>0</c>; each candidate's name in double quotes; the title in double quotes.</para>
/// <para>Reading refuses a malformed file with a coded error naming the line (<c>Polls.BallotFile…</c>). Names and title
/// are bounded (200 and 500 characters) and may hold no control character; the file at most 32 MiB of text.</para>
/// </remarks>
public static class Blt
{
    /// <summary>The longest ballot file read, in characters: 32 MiB.</summary>
    public const int MaxLength = 32 * 1024 * 1024;

    private const int MaxCandidates = 200;
    private const int MaxName = 200;
    private const int MaxTitle = 500;

    /// <summary>Reads a ballot file.</summary>
    /// <param name="text">The file's text.</param>
    /// <returns>The election it holds; count it with <see cref="PollTally.CountLines"/> and <see cref="BltElection.Options"/>.</returns>
    /// <exception cref="CoalitionRuleException">A malformed file (<c>Polls.BallotFileHeader</c>, <c>Polls.BallotFileLine</c>, <c>Polls.BallotFileText</c>, <c>Polls.BallotFileSize</c>), naming the line.</exception>
    public static BltElection Read(string text)
    {
        Preconditions.CheckNotNull(text, nameof(text));
        if (text.Length > MaxLength)
        {
            throw new CoalitionRuleException(ErrorCodes.Polls.BallotFileSize, string.Create(CultureInfo.InvariantCulture, $"The ballot file is longer than {MaxLength:N0} characters."), "line 1");
        }

        var reader = new LineReader(text);

        // The number of candidates and of seats.
        var header = reader.NextSignificant(stripComment: true) ?? throw Incomplete(reader, "the number of candidates and seats");
        var first = Tokens(header);
        if (first.Count != 2 || !int.TryParse(first[0], NumberStyles.None, CultureInfo.InvariantCulture, out var candidates) ||
            !int.TryParse(first[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seats) ||
            candidates is < 2 or > MaxCandidates || seats < 1 || seats >= candidates)
        {
            throw Refused(ErrorCodes.Polls.BallotFileHeader, reader.Number, $"expected the number of candidates (2 to {MaxCandidates}) and of seats (fewer than the candidates)");
        }

        // Keys and one-mark ranks are shared by every line that names the candidate: no string per mark.
        var keys = new string[candidates + 1];
        var singles = new IReadOnlyList<string>[candidates + 1];
        for (var c = 1; c <= candidates; c++)
        {
            keys[c] = c.ToString(CultureInfo.InvariantCulture);
            singles[c] = [keys[c]];
        }

        // Optionally the withdrawn candidates, then the ballot lines up to a line holding 0.
        var withdrawn = new bool[candidates + 1];
        var lines = new List<BallotLine>();
        long ballots = 0;
        if (!reader.Next(stripComment: true, out var line))
        {
            throw Incomplete(reader, "the ballots");
        }

        if (line.TrimStart()[0] == '-')
        {
            foreach (var token in Tokens(line.ToString()))
            {
                if (token.Length < 2 || token[0] != '-' || !int.TryParse(token.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var w) || w < 1 || w > candidates || withdrawn[w])
                {
                    throw Refused(ErrorCodes.Polls.BallotFileHeader, reader.Number, $"expected withdrawn candidates as distinct negative numbers from -1 to -{candidates}");
                }

                withdrawn[w] = true;
            }

            if (!reader.Next(stripComment: true, out line))
            {
                throw Incomplete(reader, "the ballots");
            }
        }

        while (!line.Trim().SequenceEqual("0"))
        {
            var ballotLine = ReadBallot(line, candidates, withdrawn, keys, singles, reader.Number);
            ballots += ballotLine.Count;
            if (ballots > int.MaxValue)
            {
                throw Refused(ErrorCodes.Polls.BallotFileSize, reader.Number, string.Create(CultureInfo.InvariantCulture, $"the ballots come to more than {int.MaxValue:N0}"));
            }

            lines.Add(ballotLine);
            if (!reader.Next(stripComment: true, out line))
            {
                throw Incomplete(reader, "the line holding 0 that ends the ballots");
            }
        }

        // A quoted name for each candidate, then the quoted title, then nothing.
        var options = new PollOption[candidates];
        for (var c = 0; c < candidates; c++)
        {
            var name = reader.NextSignificant(stripComment: false) ?? throw Incomplete(reader, $"the name of candidate {c + 1}");
            options[c] = new PollOption((c + 1).ToString(CultureInfo.InvariantCulture), Quoted(name, MaxName, reader.Number, $"the name of candidate {c + 1}"));
        }

        var titleLine = reader.NextSignificant(stripComment: false) ?? throw Incomplete(reader, "the title");
        var title = Quoted(titleLine, MaxTitle, reader.Number, "the title");
        if (reader.NextSignificant(stripComment: false) is not null)
        {
            throw Refused(ErrorCodes.Polls.BallotFileText, reader.Number, "nothing may follow the title");
        }

        return new BltElection(title, seats, options, Enumerable.Range(1, candidates).Where(c => withdrawn[c]).Select(c => keys[c]).ToArray(), lines);
    }

    /// <summary>Writes a ballot file.</summary>
    /// <param name="election">The election.</param>
    /// <returns>The file's text, lines ending in "\n".</returns>
    /// <exception cref="CoalitionRuleException">A title or name a ballot file cannot hold (<c>Polls.BallotFileText</c>), or a line naming no candidate of the election (<c>Polls.BallotFileLine</c>).</exception>
    public static string Write(BltElection election)
    {
        Preconditions.CheckNotNull(election, nameof(election));
        Preconditions.CheckNotNull(election.Candidates, nameof(election));
        Preconditions.CheckNotNull(election.Withdrawn, nameof(election));
        Preconditions.CheckNotNull(election.Lines, nameof(election));
        var number = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var candidate in election.Candidates)
        {
            if (candidate is null || !number.TryAdd(candidate.Key, number.Count + 1))
            {
                throw new CoalitionRuleException(ErrorCodes.Polls.BallotFileHeader, "A ballot file's candidates have distinct keys.", "candidates");
            }
        }

        if (number.Count is < 2 or > MaxCandidates || election.Seats < 1 || election.Seats >= number.Count)
        {
            throw new CoalitionRuleException(ErrorCodes.Polls.BallotFileHeader, $"A ballot file has 2 to {MaxCandidates} candidates and fewer seats than candidates.", "candidates");
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{number.Count} {election.Seats}\n");
        if (election.Withdrawn.Count > 0)
        {
            text.AppendJoin(' ', election.Withdrawn.Select(k => "-" + Number(number, k, "a withdrawn candidate"))).Append('\n');
        }

        for (var l = 0; l < election.Lines.Count; l++)
        {
            var line = election.Lines[l];
            if (line is null || line.Count < 1 || line.Ranks is null)
            {
                throw new CoalitionRuleException(ErrorCodes.Polls.BallotFileLine, $"Ballot line {l + 1} counts at least one ballot and gives its ranks.", "lines");
            }

            text.Append(line.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var rank in line.Ranks)
            {
                text.Append(' ').Append(rank is null || rank.Count == 0 ? "-" : string.Join('=', rank.Select(k => Number(number, k, $"ballot line {l + 1}"))));
            }

            text.Append(" 0\n");
        }

        text.Append("0\n");
        foreach (var candidate in election.Candidates)
        {
            text.Append('"').Append(Checked(candidate.Label, MaxName, "a candidate's name")).Append("\"\n");
        }

        text.Append('"').Append(Checked(election.Title, MaxTitle, "the title")).Append("\"\n");
        return text.ToString();
    }

    /// <summary>
    /// The ballots of a ranked poll as a ballot file holds them: as counted under the rule's ballot rules (a ballot that
    /// stops at a rank is cut there, skipped ranks and repeats left out), identical ballots on one line, empty ballots
    /// on a line of their own, and so is a ballot that counts for no option from its first rank (read back, it is an
    /// empty ballot rather than one exhausted from the first round: no total changes). Another program counting the
    /// file sees the same ballots this library counts; only options marked at one rank (equal rankings, or overvotes
    /// read as "exhaust if several continuing") stay as <c>a=b</c>, which other programs read as equal rankings.
    /// </summary>
    /// <param name="title">The title, at most 500 characters.</param>
    /// <param name="rule">The poll's rule; its method ranks.</param>
    /// <param name="options">The options, in the order listed.</param>
    /// <param name="ballots">The ballots.</param>
    /// <returns>The election, ready for <see cref="Write"/>.</returns>
    /// <exception cref="CoalitionRuleException">An invalid poll, a method that does not rank, an invalid ballot, or a title a ballot file cannot hold.</exception>
    public static BltElection FromBallots(string title, PollRule rule, IReadOnlyList<PollOption> options, IReadOnlyList<PollBallot> ballots)
    {
        PollTally.CheckPoll(rule, options);
        Preconditions.CheckNotNull(ballots, nameof(ballots));
        Checked(title, MaxTitle, "the title");
        if (!rule.IsRanked)
        {
            throw new CoalitionRuleException(ErrorCodes.Polls.InvalidPoll, $"A ballot file holds rankings; {Words.Of(rule.Method)} does not rank.");
        }

        var index = options.Select((o, i) => (o.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        var ranked = RankedBallots.Read(rule, index, ballots);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<int>();
        var ranks = new List<IReadOnlyList<IReadOnlyList<string>>>();
        var key = new StringBuilder();
        for (var l = 0; l < ranked.Lines; l++)
        {
            key.Clear().AppendJoin(',', ranked.Marks[ranked.Start[l]..ranked.Start[l + 1]]);
            if (seen.TryGetValue(key.ToString(), out var at))
            {
                counts[at] += ranked.Weight[l];
                continue;
            }

            seen[key.ToString()] = counts.Count;
            counts.Add(ranked.Weight[l]);
            ranks.Add(Ranks(ranked, l, options));
        }

        var lines = counts.Select((c, i) => new BallotLine(c, ranks[i])).ToList();
        if (ranked.Empty > 0)
        {
            lines.Add(new BallotLine((int)ranked.Empty, []));
        }

        return new BltElection(title, rule.Seats, options.ToArray(), [], lines);
    }

    private static List<IReadOnlyList<string>> Ranks(RankedBallots ranked, int line, IReadOnlyList<PollOption> options)
    {
        var ranks = new List<IReadOnlyList<string>>();
        for (var p = ranked.Start[line]; p < ranked.Start[line + 1]; p++)
        {
            var entry = ranked.Marks[p];
            if (entry >= 0)
            {
                ranks.Add([options[entry].Key]);
                continue;
            }

            ranks.Add(ranked.Marks[(p + 1)..(p + 1 - entry)].Select(o => options[o].Key).ToArray());
            p -= entry;
        }

        return ranks;
    }

    private static BallotLine ReadBallot(ReadOnlySpan<char> line, int candidates, bool[] withdrawn, string[] keys, IReadOnlyList<string>[] singles, int lineNumber)
    {
        var tokens = new SpanTokens(line);
        tokens.Next(out var token);
        var withId = token[0] == '(';
        if (withId && (token.Length < 3 || token[^1] != ')'))
        {
            throw Refused(ErrorCodes.Polls.BallotFileLine, lineNumber, "a ballot id is written in parentheses, (id)");
        }

        if ((withId && !tokens.Next(out token)) || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var weight) || weight < 1 || (withId && weight != 1))
        {
            throw Refused(ErrorCodes.Polls.BallotFileLine, lineNumber, withId ? "a ballot with an id has weight 1" : "expected a ballot line starting with a positive weight, or 0 to end the ballots");
        }

        var ranks = new List<IReadOnlyList<string>>();
        var ended = false;
        while (tokens.Next(out token))
        {
            if (ended)
            {
                throw Refused(ErrorCodes.Polls.BallotFileLine, lineNumber, "0 ends a ballot line; nothing may follow it");
            }

            if (token.SequenceEqual("0"))
            {
                ended = true;
                continue;
            }

            if (ranks.Count == 2 * candidates)
            {
                throw Refused(ErrorCodes.Polls.BallotFileLine, lineNumber, $"a ballot line has at most {2 * candidates} ranks (twice the candidates)");
            }

            if (token.SequenceEqual("-"))
            {
                ranks.Add([]);
                continue;
            }

            // One candidate, or several joined by "=" at one rank.
            List<string>? marks = null;
            var single = -1;
            var rest = token;
            while (true)
            {
                var equals = rest.IndexOf('=');
                var number = equals < 0 ? rest : rest[..equals];
                if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var c) || c < 1 || c > candidates)
                {
                    throw Refused(ErrorCodes.Polls.BallotFileLine, lineNumber, $"\"{Shown(token.ToString())}\" is not a candidate number from 1 to {candidates}, \"-\" or numbers joined by \"=\" (0 ends the line)");
                }

                if (!withdrawn[c])
                {
                    if (single < 0)
                    {
                        single = c;
                    }
                    else
                    {
                        marks ??= [keys[single]];
                        marks.Add(keys[c]);
                    }
                }

                if (equals < 0)
                {
                    break;
                }

                rest = rest[(equals + 1)..];
            }

            // A rank that marked only withdrawn candidates is struck with them, not left as a skipped rank.
            if (marks is not null)
            {
                ranks.Add(marks);
            }
            else if (single > 0)
            {
                ranks.Add(singles[single]);
            }
        }

        if (!ended)
        {
            throw Refused(ErrorCodes.Polls.BallotFileLine, lineNumber, "a ballot line ends in 0");
        }

        return new BallotLine(weight, ranks);
    }

    private static string Quoted(string line, int max, int lineNumber, string what)
    {
        var text = line.Trim();
        var close = text.Length > 1 && text[0] == '"' ? text.IndexOf('"', 1) : -1;
        var after = close < 0 ? string.Empty : text[(close + 1)..].TrimStart();
        if (close < 0 || (after.Length > 0 && after[0] != '#'))
        {
            throw Refused(ErrorCodes.Polls.BallotFileText, lineNumber, $"expected {what} in double quotes");
        }

        var value = text[1..close];
        if (string.IsNullOrWhiteSpace(value) || value.Length > max || value.Any(char.IsControl))
        {
            throw Refused(ErrorCodes.Polls.BallotFileText, lineNumber, $"{what} is not blank, at most {max} characters, and holds no control character");
        }

        return value;
    }

    private static string Checked(string? value, int max, string what)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > max || value.Any(char.IsControl) || value.Contains('"', StringComparison.Ordinal))
        {
            throw new CoalitionRuleException(ErrorCodes.Polls.BallotFileText, $"In a ballot file {what} is not blank, at most {max} characters, and holds no double quote or control character.", what);
        }

        return value;
    }

    private static string Number(Dictionary<string, int> number, string? key, string where) =>
        key is not null && number.TryGetValue(key, out var n)
            ? n.ToString(CultureInfo.InvariantCulture)
            : throw new CoalitionRuleException(ErrorCodes.Polls.BallotFileLine, $"In a ballot file {where} names only the election's candidates.", where);

    private static List<string> Tokens(string line) => [.. line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)];

    private static string Shown(string token) => token.Length <= 20 ? new string(token.Select(c => char.IsControl(c) ? '?' : c).ToArray()) : Shown(token[..20]) + "…";

    private static CoalitionRuleException Refused(ErrorCode code, int lineNumber, string problem)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}");
        return new CoalitionRuleException(code, $"Ballot file, {line}: {problem}.", line);
    }

    private static CoalitionRuleException Incomplete(LineReader reader, string missing) =>
        Refused(ErrorCodes.Polls.BallotFileSize, reader.Number + 1, $"the file ends before {missing}");

    /// <summary>Walks the file's lines, passing over blank lines and comments.</summary>
    private sealed class LineReader(string text)
    {
        private int _at;

        /// <summary>Gets the number of the line last returned, from 1.</summary>
        public int Number { get; private set; }

        /// <summary>The next line with something on it, or null at the end of the file.</summary>
        public string? NextSignificant(bool stripComment) => Next(stripComment, out var line) ? line.ToString() : null;

        /// <summary>The next line with something on it; false at the end of the file.</summary>
        public bool Next(bool stripComment, out ReadOnlySpan<char> line)
        {
            while (_at < text.Length)
            {
                var end = text.IndexOf('\n', _at);
                if (end < 0)
                {
                    end = text.Length;
                }

                line = text.AsSpan(_at, end - _at).TrimEnd('\r');
                _at = end + 1;
                Number++;
                var content = line.TrimStart();
                if (content.IsEmpty || content[0] == '#')
                {
                    continue;
                }

                if (stripComment && line.IndexOf('#') is var hash and >= 0)
                {
                    line = line[..hash];
                }

                if (!line.IsWhiteSpace())
                {
                    return true;
                }
            }

            line = default;
            return false;
        }
    }

    /// <summary>The tokens of a line, separated by spaces and tabs, without allocating.</summary>
    private ref struct SpanTokens(ReadOnlySpan<char> line)
    {
        private ReadOnlySpan<char> _rest = line;

        public bool Next(out ReadOnlySpan<char> token)
        {
            _rest = _rest.TrimStart(" \t");
            var end = _rest.IndexOfAny(' ', '\t');
            token = end < 0 ? _rest : _rest[..end];
            _rest = end < 0 ? [] : _rest[end..];
            return !token.IsEmpty;
        }
    }
}
