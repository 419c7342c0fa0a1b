using Coalitions.Core.Kernel;
using Coalitions.Core.Tests.Kit;

namespace Coalitions.Core.Tests.Kernel;

/// <summary>Free text and typed keys at the door: required or not, exactly their maximum length and one more, control characters, one line, and the words of each refusal.</summary>
public class FreeTextTests
{
    private static string Refused(Action check) => Refusal.Of(check, ErrorCodes.Kernel.InvalidText).Message;

    [Fact]
    public void A_text_of_exactly_its_maximum_length_is_accepted_and_one_more_refused()
    {
        FreeText.Check(new string('x', Limits.ReasonLength), "reason", required: true);
        FreeText.Check(new string('x', 10), "reason", required: true, maxLength: 10);
        Assert.Equal("The reason has at most 2,000 characters.", Refused(() => FreeText.Check(new string('x', Limits.ReasonLength + 1), "reason", required: true)));
        Assert.Equal("The closing note has at most 10 characters.", Refused(() => FreeText.Check(new string('x', 11), "ClosingNote", required: false, maxLength: 10)));
    }

    [Fact]
    public void A_required_text_must_be_given_and_an_optional_one_may_be_blank()
    {
        Assert.Equal("The reason must be given.", Refused(() => FreeText.Check(null, "reason", required: true)));
        Assert.Equal("The reason must be given.", Refused(() => FreeText.Check(string.Empty, "reason", required: true)));
        Assert.Equal("The reason must be given.", Refused(() => FreeText.Check(" \n\t", "reason", required: true)));
        FreeText.Check(null, "reason", required: false);
        FreeText.Check("  ", "reason", required: false);
    }

    [Theory]
    [InlineData("bell\u0007")]
    [InlineData("line\u2028separator")]
    [InlineData("paragraph\u2029separator")]
    [InlineData("non\uFFFEcharacter")]
    [InlineData("non\uFFFFcharacter")]
    [InlineData("delete\u007F")]
    public void A_text_with_a_control_character_is_refused(string text)
    {
        Assert.Equal("The note holds a control character; only line breaks and tabs are allowed.", Refused(() => FreeText.Check(text, "note", required: false)));
    }

    [Fact]
    public void A_text_with_half_of_a_character_is_refused_as_no_store_can_keep_it()
    {
        // UTF-16 text with an unpaired surrogate is not Unicode: JSON writers refuse it or replace it, so the event would
        // not read back as it was raised. (A fact, not a theory: the runner's theory data would replace the halves.)
        string[] texts = ["lone \ud800 high half", "lone \udc00 low half", "ends in a high half \ud83d", "\ude00 starts with a low half", "halves in the wrong order \ude00\ud83d", "\ud83d"];
        Assert.All(texts, text =>
        {
            Assert.Equal("The note holds half of a character (an unpaired surrogate), which no store can keep.", Refused(() => FreeText.Check(text, "note", required: false)));
            Assert.True(FreeText.HasControlCharacters(text));
            Assert.False(FreeText.IsSingleLine(text));
        });
    }

    [Fact]
    public void A_character_beyond_the_basic_plane_is_text()
    {
        FreeText.Check("Clean water for all \ud83c\udf0d and \U0001F91D", "note", required: true);
        Assert.True(FreeText.IsSingleLine("\ud83c\udf0d"));
    }

    [Fact]
    public void Line_breaks_and_tabs_are_text_but_not_one_line()
    {
        Assert.False(FreeText.HasControlCharacters("a\r\nb\tc"));
        Assert.True(FreeText.IsSingleLine("Rural Schools Trust"));
        Assert.False(FreeText.IsSingleLine("a\nb"));
        Assert.False(FreeText.IsSingleLine("a\rb"));
        Assert.False(FreeText.IsSingleLine("a\tb"));
        Assert.False(FreeText.IsSingleLine("\nb"));
        Assert.False(FreeText.IsSingleLine("\ta"));
        Assert.False(FreeText.IsSingleLine("a\u0007b"));
    }

    [Fact]
    public void Kept_text_is_trimmed_and_blank_text_is_none()
    {
        Assert.Equal("A reason.", FreeText.Kept("  A reason. \n"));
        Assert.Null(FreeText.Kept(" \t "));
        Assert.Null(FreeText.Kept(null));
    }

    [Fact]
    public void A_key_of_exactly_64_characters_is_accepted_and_65_refused()
    {
        Assert.Equal(new string('k', 64), TypedKey.Check("  " + new string('k', 64) + " ", "BodyKey"));
        Assert.Equal("The body key has at most 64 characters.", Refused(() => TypedKey.Check(new string('k', 65), "BodyKey")));
    }

    [Fact]
    public void A_key_is_given_and_one_line()
    {
        Assert.Equal("The body key must be given.", Refused(() => TypedKey.Check(" ", "BodyKey")));
        Assert.Equal("The body key must be given.", Refused(() => TypedKey.Check(null, "BodyKey")));
        Assert.Equal("The body key is one line, without tabs, line breaks or control characters.", Refused(() => TypedKey.Check("a\tb", "BodyKey")));
        Assert.Equal("has no spaces at either end.", TypedKey.Problem(" key"));
        Assert.Null(TypedKey.Problem("key"));
    }

    [Fact]
    public void A_key_is_shown_in_a_message_shortened_past_64_characters()
    {
        Assert.Equal("(none)", TypedKey.Show(null));
        Assert.Equal(new string('k', 64), TypedKey.Show(new string('k', 64)));
        Assert.Equal(new string('k', 64) + "…", TypedKey.Show(new string('k', 65)));
    }
}
