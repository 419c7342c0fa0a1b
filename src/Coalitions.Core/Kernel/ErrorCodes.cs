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

        /// <summary>A required text was missing or too long.</summary>
        public static readonly ErrorCode InvalidText = new("Kernel.InvalidText", "A required text is missing, blank or longer than its limit.");
    }
}
