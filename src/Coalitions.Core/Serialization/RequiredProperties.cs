using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace Coalitions.Core.Serialization;

/// <summary>
/// Marks every property of the package's types that its constructor requires and that cannot be null (a value type that
/// is not <see cref="Nullable{T}"/>, a reference type not annotated as nullable) as required when reading JSON, so a stored event that lacks one fails
/// to load instead of loading a default (an empty id, the Unix epoch, round zero). Nulls are not written, so a
/// nullable property may be absent, and so may one whose constructor parameter has a default (a property added in a
/// later version reads old events with its default).
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
            var parameter = ConstructorParameter(typeInfo.Type, clr?.Name);
            if (clr is null || parameter is null || parameter.HasDefaultValue)
            {
                // Only what the constructor requires is required: a property with a default (a constructor default or an
                // initializer) may be absent, so events stored before it existed read with the default.
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

    private static ParameterInfo? ConstructorParameter(Type type, string? name) =>
        name is null ? null : type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .SelectMany(c => c.GetParameters())
            .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
