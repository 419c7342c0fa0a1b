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

        return HasUnpairedSurrogate(value) ? "holds half of a character (an unpaired surrogate), which no store can keep."
            : HasControlCharacters(value) ? "holds a control character; only line breaks and tabs are allowed."
            : null;
    }

    /// <summary>
    /// Whether a text holds a control character other than CR, LF and tab, a line or paragraph separator, a
    /// non-character, or half of a character (an unpaired surrogate: not Unicode, so JSON writers refuse or replace it and
    /// an event holding it would not read back as raised).
    /// </summary>
    public static bool HasControlCharacters(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsSurrogate(c))
            {
                if (!IsPairAt(value, i))
                {
                    return true;
                }

                i++;
            }
            else if ((char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || c is '\u2028' or '\u2029' or '\uFFFE' or '\uFFFF')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a text holds half of a character: a surrogate not in a high-then-low pair.</summary>
    public static bool HasUnpairedSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsSurrogate(value[i]))
            {
                if (!IsPairAt(value, i))
                {
                    return true;
                }

                i++;
            }
        }

        return false;
    }

    /// <summary>Whether a one-line text (a name, a key) holds a line break, a tab or a control character.</summary>
    public static bool IsSingleLine(string value) => !HasControlCharacters(value) && value.AsSpan().IndexOfAny('\n', '\r', '\t') < 0;

    private static bool IsPairAt(string value, int i) =>
        char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
}
