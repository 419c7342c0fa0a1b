using System.Buffers;

namespace Coalitions.Core.Kernel;

/// <summary>
/// The one check for free text that commands take (names, reasons, notes, texts, keys): present where required,
/// within its limit, and free of control characters other than line breaks and tabs.
/// </summary>
internal static class FreeText
{
    public const int ReasonLength = Limits.ReasonLength;

    // A control character other than CR, LF and tab (U+0000 to U+001F, U+007F to U+009F), a line or paragraph separator,
    // or one of the two non-characters at the end of the basic plane.
    private static readonly SearchValues<char> Forbidden = SearchValues.Create(
        [.. Enumerable.Range(0, 0xA0).Select(c => (char)c).Where(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')), '\u2028', '\u2029', '\uFFFE', '\uFFFF']);

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
            : HasForbiddenCharacter(value) ? "holds a control character; only line breaks and tabs are allowed."
            : null;
    }

    /// <summary>
    /// Whether a text holds a control character other than CR, LF and tab, a line or paragraph separator, a
    /// non-character, or half of a character (an unpaired surrogate: not Unicode, so JSON writers refuse or replace it and
    /// an event holding it would not read back as raised).
    /// </summary>
    public static bool HasControlCharacters(string value) => HasForbiddenCharacter(value) || HasUnpairedSurrogate(value);

    /// <summary>Whether a text holds half of a character: a surrogate not in a high-then-low pair.</summary>
    public static bool HasUnpairedSurrogate(string value)
    {
        // Most texts hold no surrogate at all: find the first one in one vectorized pass, then check pairs from there.
        for (var i = value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF'); i >= 0 && i < value.Length; i++)
        {
            if (char.IsSurrogate(value[i]))
            {
                if (!char.IsHighSurrogate(value[i]) || i + 1 == value.Length || !char.IsLowSurrogate(value[i + 1]))
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

    private static bool HasForbiddenCharacter(string value) => value.AsSpan().IndexOfAny(Forbidden) >= 0;
}
