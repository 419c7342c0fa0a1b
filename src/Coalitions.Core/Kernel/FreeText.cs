namespace Coalitions.Core.Kernel;

/// <summary>
/// The one check for free text that commands take (names, reasons, notes, texts, keys): present where required,
/// within its limit, and free of control characters other than line breaks and tabs.
/// </summary>
internal static class FreeText
{
    public const int ReasonLength = Limits.ReasonLength;

    /// <summary>Optional text as an event keeps it: trimmed, and none when only blanks were given.</summary>
    public static string? Kept(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static void Check(string? value, string name, bool required, int maxLength = ReasonLength)
    {
        if (Problem(value, required, maxLength) is { } problem)
        {
            throw CoalitionRuleException.Because(ErrorCodes.Kernel.InvalidText, "The {name} " + problem, ("name", Words.Identifier(name)), ("limit", maxLength));
        }
    }

    /// <summary>What is wrong with a text, as the end of a sentence ("must be given."), or null.</summary>
    public static string? Problem(string? value, bool required, int maxLength)
    {
        if (value is null || value.Length == 0 || string.IsNullOrWhiteSpace(value))
        {
            return required ? "must be given." : null;
        }

        if (value.Length > maxLength)
        {
            return "has at most {limit} characters.";
        }

        return HasControlCharacters(value) ? "holds a control character; only line breaks and tabs are allowed." : null;
    }

    /// <summary>Whether a text holds a control character other than CR, LF and tab (or an unpaired surrogate).</summary>
    public static bool HasControlCharacters(string value)
    {
        foreach (var c in value)
        {
            if ((char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || c is '\u2028' or '\u2029' or '\uFFFE' or '\uFFFF')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a one-line text (a name, a key) holds a line break, a tab or a control character.</summary>
    public static bool IsSingleLine(string value) => !HasControlCharacters(value) && value.AsSpan().IndexOfAny('\n', '\r', '\t') < 0;
}
