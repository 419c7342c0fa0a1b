using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using Coalitions.Core.Kernel;

namespace Coalitions.Core.Serialization;

/// <summary>
/// Reads and writes enums as their names, and reads only what it writes: a defined name (for a flags enum, defined
/// names joined by ", "). A number, an unknown name or a comma list for an ordinary enum ("Support, Oppose" would
/// otherwise read as a third stance) is refused.
/// </summary>
internal sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;
}

/// <summary>The converter for one enum type; see <see cref="StrictEnumConverterFactory"/>.</summary>
/// <typeparam name="T">The enum.</typeparam>
internal sealed class StrictEnumConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    private static readonly bool Flags = typeof(T).IsDefined(typeof(FlagsAttribute), false);
    private static readonly FrozenDictionary<string, T> ByName = Enum.GetValues<T>().ToFrozenDictionary(v => v.ToString(), v => v, StringComparer.Ordinal);

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"{Words.Indefinite(typeof(T).Name, capital: true)} is stored as its name, not as {reader.TokenType}.");
        }

        var text = reader.GetString()!;
        if (ByName.TryGetValue(text, out var value))
        {
            return value;
        }

        if (Flags)
        {
            ulong bits = 0;
            foreach (var part in text.Split(", "))
            {
                // Each defined name once, as the writer writes them: a name given twice is not what any value writes.
                if (!ByName.TryGetValue(part, out var flag) || (bits & Ensure.Bits(flag)) != 0)
                {
                    throw new JsonException($"'{text}' is not a combination of {typeof(T).Name} values.");
                }

                bits |= Ensure.Bits(flag);
            }

            return FromBits(bits);
        }

        throw new JsonException($"'{text}' is not {Words.Indefinite(typeof(T).Name)}.");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (!Ensure.IsDefined(value))
        {
            throw new JsonException($"{unchecked((long)Ensure.Bits(value))} is not a defined {typeof(T).Name}.");
        }

        writer.WriteStringValue(value.ToString());
    }

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Read(ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(value.ToString());

    private static T FromBits(ulong bits)
    {
        unchecked
        {
            switch (System.Runtime.CompilerServices.Unsafe.SizeOf<T>())
            {
                case 1:
                    var b = (byte)bits;
                    return System.Runtime.CompilerServices.Unsafe.As<byte, T>(ref b);
                case 2:
                    var s = (ushort)bits;
                    return System.Runtime.CompilerServices.Unsafe.As<ushort, T>(ref s);
                case 4:
                    var i = (uint)bits;
                    return System.Runtime.CompilerServices.Unsafe.As<uint, T>(ref i);
                default:
                    return System.Runtime.CompilerServices.Unsafe.As<ulong, T>(ref bits);
            }
        }
    }
}
