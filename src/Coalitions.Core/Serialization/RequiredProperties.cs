using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace Coalitions.Core.Serialization;

/// <summary>
/// Marks every property of the package's types that cannot be null (a value type that is not <see cref="Nullable{T}"/>,
/// a reference type not annotated as nullable) as required when reading JSON, so a stored event that lacks one fails
/// to load instead of loading a default (an empty id, the Unix epoch, round zero). Nulls are not written, so a
/// nullable property may be absent.
/// </summary>
internal static class RequiredProperties
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static void Mark(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || typeInfo.Type.Namespace?.StartsWith("Coalitions.Core", StringComparison.Ordinal) != true)
        {
            return;
        }

        var clrProperties = Properties.GetOrAdd(typeInfo.Type, static t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance));
        var nullability = new NullabilityInfoContext();
        foreach (var property in typeInfo.Properties)
        {
            var clr = property.AttributeProvider as PropertyInfo
                ?? clrProperties.FirstOrDefault(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase));
            if (clr is null || property.Set is null && !HasConstructorParameter(typeInfo.Type, clr.Name))
            {
                continue;
            }

            var type = clr.PropertyType;
            var required = type.IsValueType ? Nullable.GetUnderlyingType(type) is null : nullability.Create(clr).ReadState == NullabilityState.NotNull;
            if (required)
            {
                // A property read through the constructor is never set, but System.Text.Json accepts "required" only
                // on a property that has a setter; the no-op setter satisfies that check.
                property.Set ??= static (_, _) => { };
                property.IsRequired = true;
            }
        }
    }

    private static bool HasConstructorParameter(Type type, string name) =>
        type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Any(c => c.GetParameters().Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)));
}
