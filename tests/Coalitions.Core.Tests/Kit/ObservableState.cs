using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Coalitions.Core.Tests.Kit;

/// <summary>
/// Everything a host can observe of an aggregate, as text: every public property, deeply (collections item by item,
/// nested values of the package property by property). Two equal texts mean no caller could tell the states apart.
/// </summary>
public static class ObservableState
{
    private const int MaxDepth = 8;

    public static string Of(object? value)
    {
        var text = new StringBuilder();
        Write(text, value, 0, new HashSet<object>(ReferenceEqualityComparer.Instance));
        return text.ToString();
    }

    // 'seen' holds the references on the path from the root to this value: a cycle, not a value shared between
    // two places (such as the one empty array every [] is), is what stops the walk.
    private static void Write(StringBuilder text, object? value, int depth, HashSet<object> seen)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                return;
            case string s:
                text.Append('"').Append(s).Append('"');
                return;
            case IFormattable formattable when value.GetType().IsPrimitive || value is decimal || value is Enum || value.GetType().Namespace?.StartsWith("NodaTime", StringComparison.Ordinal) == true:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                return;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || type == typeof(Guid) || type.Namespace?.StartsWith("NodaTime", StringComparison.Ordinal) == true ||
            type.Namespace?.StartsWith("Coalitions.Core", StringComparison.Ordinal) != true && value is not IEnumerable)
        {
            text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
            return;
        }

        if (depth > MaxDepth || (!type.IsValueType && !seen.Add(value)))
        {
            text.Append('…');
            return;
        }

        try
        {
            WriteComposite(text, value, type, depth, seen);
        }
        finally
        {
            seen.Remove(value);
        }
    }

    private static void WriteComposite(StringBuilder text, object value, Type type, int depth, HashSet<object> seen)
    {
        if (value is IEnumerable sequence)
        {
            text.Append('[');
            foreach (var item in sequence)
            {
                Write(text, item, depth + 1, seen);
                text.Append(',');
            }

            text.Append(']');
            return;
        }

        text.Append(type.Name).Append('{');
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract")
            {
                continue;
            }

            text.Append(property.Name).Append('=');
            object? propertyValue;
            try
            {
                propertyValue = property.GetValue(value);
            }
            catch (TargetInvocationException e)
            {
                text.Append("<throws ").Append(e.InnerException?.GetType().Name).Append('>');
                continue;
            }

            Write(text, propertyValue, depth + 1, seen);
            text.Append(';');
        }

        text.Append('}');
    }
}
