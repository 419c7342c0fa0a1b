using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Coalitions.Core.Tests.Kit;

/// <summary>
/// Describes everything an object shows through its public properties, deeply, as text: two objects with the same
/// description look the same to every caller. Lists keep their order; other collections (sets, dictionary values) are
/// compared as unordered. Used to prove that a snapshot restores exactly what replaying the events builds.
/// </summary>
public static class ObservableState
{
    private const int MaxDepth = 12;

    /// <summary>The same as <see cref="Describe"/>: what a host can observe of an aggregate.</summary>
    public static string Of(object? value) => Describe(value);

    public static string Describe(object? value)
    {
        var text = new StringBuilder();
        Write(text, "", value, 0, new HashSet<object>(ReferenceEqualityComparer.Instance));
        return text.ToString();
    }

    private static void Write(StringBuilder text, string path, object? value, int depth, HashSet<object> visiting)
    {
        if (value is null)
        {
            text.Append(path).Append(" = null\n");
            return;
        }

        var type = value.GetType();
        if (IsLeaf(type))
        {
            text.Append(path).Append(" = ").Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\n');
            return;
        }

        Assert.True(depth < MaxDepth, $"{path} nests deeper than {MaxDepth} levels.");
        if (!type.IsValueType && !visiting.Add(value))
        {
            text.Append(path).Append(" = (cycle)\n");
            return;
        }

        if (value is IEnumerable items)
        {
            var described = items.Cast<object?>().Select(item =>
            {
                var inner = new StringBuilder();
                Write(inner, "", item, depth + 1, visiting);
                return inner.ToString();
            }).ToList();
            if (!IsOrdered(type))
            {
                described.Sort(StringComparer.Ordinal);
            }

            text.Append(path).Append(" = [").Append(described.Count).Append(" items]\n");
            for (var i = 0; i < described.Count; i++)
            {
                foreach (var line in described[i].Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    text.Append(path).Append('[').Append(i).Append(']').Append(line).Append('\n');
                }
            }
        }
        else
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                object? propertyValue;
                try
                {
                    propertyValue = property.GetValue(value);
                }
                catch (TargetInvocationException thrown)
                {
                    propertyValue = $"throws {thrown.InnerException?.GetType().Name}";
                }

                Write(text, $"{path}.{property.Name}", propertyValue, depth + 1, visiting);
            }
        }

        if (!type.IsValueType)
        {
            visiting.Remove(value);
        }
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid) ||
        type.Namespace == "NodaTime" || type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(Core.Kernel.ITypedId<>)) ||
        type == typeof(Core.Kernel.Fraction) || type == typeof(Core.Decisions.ExactShare);

    private static bool IsOrdered(Type type) =>
        type.IsArray || type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IList<>)) ||
        (type.IsGenericType && type.Name.StartsWith("ReadOnlyCollection", StringComparison.Ordinal));
}
