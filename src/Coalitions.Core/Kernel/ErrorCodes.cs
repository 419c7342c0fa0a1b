using System.Reflection;

namespace Coalitions.Core.Kernel;

/// <summary>
/// The catalog of every error code the library raises, one nested class per area. Each domain folder
/// adds its own area to this partial class, so a concept's codes live beside its rules while hosts
/// still find all codes in one place. <c>docs/error-codes.md</c> is generated from it.
/// </summary>
public static partial class ErrorCodes
{
    private static readonly Lazy<IReadOnlyList<ErrorCode>> AllCodes = new(Collect);

    /// <summary>Gets every code, ordered by <see cref="ErrorCode.Code"/>.</summary>
    public static IReadOnlyList<ErrorCode> All => AllCodes.Value;

    /// <summary>Finds a code by its text.</summary>
    /// <param name="code">The code, such as <c>Decisions.QuorumNotMet</c>.</param>
    /// <returns>The code, or <see langword="null"/> when there is none by that name.</returns>
    public static ErrorCode? Find(string code) =>
        All.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.Ordinal));

    private static ErrorCode[] Collect() =>
        typeof(ErrorCodes).GetNestedTypes(BindingFlags.Public)
            .SelectMany(area => area.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(field => field.FieldType == typeof(ErrorCode))
            .Select(field => (ErrorCode)field.GetValue(null)!)
            .OrderBy(code => code.Code, StringComparer.Ordinal)
            .ToArray();

    /// <summary>Codes of the shared kernel: money, fractions and identifiers.</summary>
    public static class Kernel
    {
        /// <summary>A currency must be an active ISO 4217 code.</summary>
        public static readonly ErrorCode UnknownCurrency = new("Kernel.UnknownCurrency", "A currency must be an active ISO 4217 code such as EUR or KES.");

        /// <summary>Amounts in different currencies are never added or compared.</summary>
        public static readonly ErrorCode CurrencyMismatch = new("Kernel.CurrencyMismatch", "Amounts in different currencies are never added or compared; the library does not convert currencies.");

        /// <summary>A required text was missing, too long or held control characters.</summary>
        public static readonly ErrorCode InvalidText = new("Kernel.InvalidText", "A required text is missing, blank, longer than its limit, or holds control characters other than line breaks and tabs, or half of a character (an unpaired surrogate).");

        /// <summary>An id must not be the empty GUID.</summary>
        public static readonly ErrorCode EmptyId = new("Kernel.EmptyId", "An id is never the empty GUID (the default value of an id type).");

        /// <summary>Every command names who acts.</summary>
        public static readonly ErrorCode ActorRequired = new("Kernel.ActorRequired", "Every command names who acts: a person (for themselves or for a partner) or the host system; a person's id is never empty.");

        /// <summary>The actor may not take this command.</summary>
        public static readonly ErrorCode NotAuthorized = new("Kernel.NotAuthorized", "Only the people docs/authorization.md names for a command may take it.");

        /// <summary>A value lies outside the bounds the library documents.</summary>
        public static readonly ErrorCode OutOfRange = new("Kernel.OutOfRange", "A number, size, instant or date lies outside the bounds the library documents (see Limits), or a calculation with it would overflow.");

        /// <summary>A calendar period has date units only and is positive and bounded.</summary>
        public static readonly ErrorCode InvalidPeriod = new("Kernel.InvalidPeriod", "A calendar period (a term, a cadence, a notice period) has years, months, weeks and days only, is longer than zero and at most the documented bound.");

        /// <summary>An input is null, holds a null, or has an undefined value.</summary>
        public static readonly ErrorCode InvalidInput = new("Kernel.InvalidInput", "An input is present, holds no null where a value is required, and uses only defined values.");

        /// <summary>A stored event cannot be read.</summary>
        public static readonly ErrorCode UnreadableEvent = new("Kernel.UnreadableEvent", "A stored event is well-formed JSON of a known type with every required property, defined values and sizes within bounds.");

        /// <summary>A stored history cannot be the history of one aggregate.</summary>
        public static readonly ErrorCode CorruptHistory = new("Kernel.CorruptHistory", "A stored history starts with its creation event, names one aggregate throughout, and follows an order its lifecycle allows.");

        /// <summary>Someone else changed the stream since it was loaded.</summary>
        public static readonly ErrorCode ConcurrencyConflict = new("Kernel.ConcurrencyConflict", "A stream is appended to only at the version it was loaded at; when another writer got there first, load it again and retry.");
    }
}
