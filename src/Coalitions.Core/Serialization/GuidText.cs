namespace Coalitions.Core.Serialization;

/// <summary>
/// Reads a GUID in its hyphenated form (8-4-4-4-12 hexadecimal digits, either case) from the start of a text, for the
/// ballot fast path, which reads three per stored ballot.
/// </summary>
/// <remarks>
/// It reads exactly what <see cref="Guid.TryParseExact(ReadOnlySpan{char}, ReadOnlySpan{char}, out Guid)"/> reads with
/// format "D", except that it never trims white space around the digits (a test compares the two on random texts).
/// Measured on this project's two-core machine: 21 ns against 41 ns for the framework's parser behind a check of its
/// characters. Each digit is one lookup in a 128-entry table; the eight groups of four digits are independent, so the
/// processor works on several at once, and one test at the end finds any character that is not a digit.
/// </remarks>
internal static class GuidText
{
    /// <summary>The length of a GUID in its hyphenated form.</summary>
    public const int Length = 36;

    /// <summary>Reads the GUID the first <see cref="Length"/> characters of <paramref name="text"/> spell.</summary>
    /// <param name="text">The text: at least <see cref="Length"/> characters, of which only the first are read.</param>
    /// <param name="guid">The GUID read, or the empty GUID.</param>
    /// <returns>Whether the first <see cref="Length"/> characters are a hyphenated GUID.</returns>
    public static bool TryRead(ReadOnlySpan<char> text, out Guid guid)
    {
        guid = default;
        if (text.Length < Length || text[8] != '-' || text[13] != '-' || text[18] != '-' || text[23] != '-')
        {
            return false;
        }

        int a1 = Group(text, 0), a2 = Group(text, 4), b = Group(text, 9), c = Group(text, 14), d = Group(text, 19), e1 = Group(text, 24), e2 = Group(text, 28), e3 = Group(text, 32);
        if ((a1 | a2 | b | c | d | e1 | e2 | e3) < 0)
        {
            return false;
        }

        // Truncating casts: each takes its byte (or bytes) of a group of four digits.
        guid = unchecked(new Guid((uint)((a1 << 16) | a2), (ushort)b, (ushort)c, (byte)(d >> 8), (byte)d, (byte)(e1 >> 8), (byte)e1, (byte)(e2 >> 8), (byte)e2, (byte)(e3 >> 8), (byte)e3));
        return true;
    }

    // Four digits' value (0 to 65,535), or a negative number when any of them is not a hexadecimal digit.
    private static int Group(ReadOnlySpan<char> text, int start)
    {
        var four = text.Slice(start, 4);
        return (Digit(four[0]) << 12) | (Digit(four[1]) << 8) | (Digit(four[2]) << 4) | Digit(four[3]);
    }

    private static int Digit(char c) => c < 128 ? Values[c] : -1;

    // 0 to 15 for '0'-'9', 'a'-'f' and 'A'-'F'; -1 for every other character below 128.
    private static ReadOnlySpan<sbyte> Values =>
    [
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, -1, -1, -1, -1, -1, -1,
        -1, 10, 11, 12, 13, 14, 15, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, 10, 11, 12, 13, 14, 15, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    ];
}
