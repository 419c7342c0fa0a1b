using System.Collections.ObjectModel;

namespace Coalitions.Core.Kernel;

/// <summary>
/// One reason a command was (or would be) refused: a stable code, a message in plain English, and the values the
/// message names, so a host can translate or reword it.
/// </summary>
/// <remarks>
/// <see cref="Message"/> is <see cref="Template"/> with each <c>{name}</c> placeholder filled from
/// <see cref="Values"/>, formatted in the invariant culture (dates as "2 March 2026", numbers as "1,000").
/// A host that localizes translates the template and fills it from <see cref="Values"/> in its own formats.
/// </remarks>
public sealed class RuleFailure
{
    private static readonly IReadOnlyDictionary<string, object?> NoValues = new ReadOnlyDictionary<string, object?>(new Dictionary<string, object?>());

    /// <summary>Initializes a failure.</summary>
    /// <param name="code">The rule's code.</param>
    /// <param name="template">The message, with <c>{name}</c> placeholders for the values.</param>
    /// <param name="values">The values the message names, by placeholder name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> or <paramref name="template"/> is null.</exception>
    public RuleFailure(ErrorCode code, string template, IReadOnlyDictionary<string, object?>? values = null)
        : this(code, template, values, fill: true, isAuthorization: false)
    {
    }

    private RuleFailure(ErrorCode code, string template, IReadOnlyDictionary<string, object?>? values, bool fill, bool isAuthorization)
    {
        IsAuthorization = isAuthorization;
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(template);
        Code = code;
        Template = template;
        Values = values is null || values.Count == 0 ? NoValues : new ReadOnlyDictionary<string, object?>(new Dictionary<string, object?>(values, StringComparer.Ordinal));
        Message = fill && Values.Count > 0 ? Words.Fill(template, Values) : template;
    }

    /// <summary>Gets the rule's code.</summary>
    public ErrorCode Code { get; }

    /// <summary>Gets the message in plain English, with the values filled in.</summary>
    public string Message { get; }

    /// <summary>Gets the message with <c>{name}</c> placeholders, for hosts that translate it.</summary>
    public string Template { get; }

    /// <summary>
    /// Gets whether the failure is about who acts rather than what they asked: no actor, an ill-formed one, or an actor
    /// who holds none of the roles the command's authorization table names (docs/authorization.md). A host answers such
    /// a refusal as forbidden (HTTP 403) and any other as a broken rule (HTTP 422).
    /// </summary>
    public bool IsAuthorization { get; }

    /// <summary>Gets the values the message names (ids, names, limits, dates), by placeholder name.</summary>
    public IReadOnlyDictionary<string, object?> Values { get; }

    /// <summary>Returns the code and the message.</summary>
    /// <returns>For example <c>Decisions.VotingNotOpen: Voting on 'Adopt the budget' is not open.</c></returns>
    public override string ToString() => $"{Code}: {Message}";

    // A failure whose message was formatted elsewhere (by a validator); the values are kept as they are.
    internal static RuleFailure Formatted(ErrorCode code, string message, IReadOnlyDictionary<string, object?>? values) =>
        new(code, message, values, fill: false, isAuthorization: false);

    // A refusal of who acts (see IsAuthorization).
    internal static RuleFailure Unauthorized(ErrorCode code, string template, ReadOnlySpan<(string, object?)> values) =>
        new(code, template, Map(values), fill: true, isAuthorization: true);

    internal static RuleFailure Of(ErrorCode code, string template, ReadOnlySpan<(string, object?)> values) =>
        new(code, template, Map(values));

    private static Dictionary<string, object?>? Map(ReadOnlySpan<(string, object?)> values)
    {
        if (values.IsEmpty)
        {
            return null;
        }

        var map = new Dictionary<string, object?>(values.Length, StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            map[name] = value;
        }

        return map;
    }
}
