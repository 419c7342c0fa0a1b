using System.Text.RegularExpressions;
using Coalitions.Core.Serialization;
using CsCheck;

namespace Coalitions.Core.Tests.Serialization;

/// <summary>
/// The ballot fast path reads ids with its own GUID reader: it must read exactly the hyphenated form (eight, four, four,
/// four and twelve hexadecimal digits), as the same GUID the framework reads, and refuse the rest, including the white
/// space the framework would trim and the sign it lets lead a group ("+74963e4e4ba" as "074963e4e4ba"); a text it refuses
/// goes to the strict reader.
/// </summary>
public class GuidTextTests
{
    // Hexadecimal digits of both cases, hyphens, and characters a lenient reader might let through.
    // The shape, written independently of the reader: ASCII hexadecimal digits only (no sign, no white space).
    private static readonly Regex Hyphenated = new("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\z", RegexOptions.CultureInvariant);

    private const string Alphabet = "0123456789abcdefABCDEF-- gGxX+{}()\t\u00a0\uff10\uff41\u0663\u00e9\u0100";

    [Fact]
    public void Every_guid_written_in_either_case_is_read_back()
    {
        Gen.Guid.Sample(guid =>
        {
            foreach (var text in new[] { guid.ToString("D"), guid.ToString("D").ToUpperInvariant() })
            {
                Assert.True(GuidText.TryRead(text, out var read));
                Assert.Equal(guid, read);
            }
        });
    }

    [Fact]
    public void A_text_is_read_exactly_when_it_is_a_hyphenated_guid_and_as_the_guid_the_framework_reads()
    {
        var edits = Gen.Select(Gen.Int[0, GuidText.Length - 1], Gen.Char[Alphabet]).Array[1, 3];
        int refused = 0, read = 0;
        Gen.Select(Gen.Guid, Gen.Bool, edits).Sample((guid, upper, changes) =>
        {
            var text = guid.ToString("D").ToCharArray();
            foreach (var (at, character) in changes)
            {
                text[at] = character;
            }

            var candidate = new string(text);
            if (upper)
            {
                candidate = candidate.ToUpperInvariant();
            }

            var expected = Hyphenated.IsMatch(candidate) && Guid.TryParseExact(candidate, "D", out var framework)
                ? framework
                : (Guid?)null;
            var ours = GuidText.TryRead(candidate, out var value) ? value : (Guid?)null;
            Assert.Equal(expected, ours);
            refused += expected is null ? 1 : 0;
            read += expected is null ? 0 : 1;
        });

        // Not vacuous: both outcomes occur among the edited texts.
        Assert.True(refused > 0 && read > 0, $"{refused} refused, {read} read");
    }

    [Theory]
    [InlineData("")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("01234567-89ab-cdef-0123-456789abcde")]
    [InlineData("01234567 89ab-cdef-0123-456789abcdef")]
    [InlineData("0123456-789ab-cdef-0123-456789abcdef")]
    [InlineData("01234567-89ab-cdef-0123-456789abcdeg")]
    [InlineData("g1234567-89ab-cdef-0123-456789abcdef")]
    [InlineData("01234567-89ab-cdef-01\u00e9-456789abcdef")]
    [InlineData("01234567-89ab-cdef-0123-+56789abcdef")]
    public void Anything_but_a_hyphenated_guid_is_refused(string text) =>
        Assert.False(GuidText.TryRead(text, out _));

    [Fact]
    public void Only_the_first_thirty_six_characters_are_read() =>
        Assert.True(GuidText.TryRead("01234567-89ab-cdef-0123-456789abcdef\",\"round\"", out var read) && read == new Guid("01234567-89ab-cdef-0123-456789abcdef"));

    [Fact]
    public void The_empty_guid_is_read_and_a_character_just_past_the_ascii_table_is_no_digit()
    {
        Assert.True(GuidText.TryRead("00000000-0000-0000-0000-000000000000", out var empty));
        Assert.Equal(Guid.Empty, empty);
        Assert.False(GuidText.TryRead("0000000\u0080-0000-0000-0000-000000000000", out _));
        Assert.False(GuidText.TryRead("00000000-0000-0000-0000-00000000000\u0080", out _));
    }
}
