using System.Diagnostics.CodeAnalysis;

namespace Coalitions.Core.Kernel;

/// <summary>
/// Argument checks at public entry points. These guard against programming errors (a null,
/// an empty GUID) and throw the standard argument exceptions; breaches of governance rules
/// throw <see cref="CoalitionRuleException"/> instead.
/// </summary>
internal static class Preconditions
{
    public static T CheckNotNull<T>([NotNull] T? argument, string paramName)
        where T : class =>
        argument ?? throw new ArgumentNullException(paramName);

    public static void CheckArgument([DoesNotReturnIf(false)] bool condition, string paramName, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, paramName);
        }
    }

    public static void CheckArgumentRange([DoesNotReturnIf(false)] bool condition, string paramName, object? actualValue, string message)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(paramName, actualValue, message);
        }
    }
}
