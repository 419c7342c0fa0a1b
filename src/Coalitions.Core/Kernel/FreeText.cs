using System.Globalization;

namespace Coalitions.Core.Kernel;

/// <summary>The one check for free text that commands take (reasons, notes, texts): present where required, within its limit.</summary>
internal static class FreeText
{
    public const int ReasonLength = 2_000;

    public static void Check(string? value, string name, bool required, int maxLength = ReasonLength)
    {
        if ((required && string.IsNullOrWhiteSpace(value)) || value?.Length > maxLength)
        {
            throw new CoalitionRuleException(
                ErrorCodes.Kernel.InvalidText,
                string.Create(CultureInfo.InvariantCulture, $"The {name} must be {(required ? "given and " : string.Empty)}at most {maxLength:N0} characters."),
                name);
        }
    }
}
