using System.Text.Json;
using System.Text.Json.Serialization;
using Coalitions.Core.Decisions;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Coalitions.Core.Storage;

/// <summary>Source-generated JSON metadata for what storage writes besides events: envelope metadata and snapshots.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(EventMetadata))]
[JsonSerializable(typeof(ProposalSnapshotState))]
[JsonSerializable(typeof(Hosting.NoticeRecord))]
internal sealed partial class StorageJsonContext : JsonSerializerContext
{
    private static readonly Lazy<JsonSerializerOptions> WithNodaTime = new(() =>
    {
        var options = new JsonSerializerOptions(StorageJsonContext.Default!.Options) { TypeInfoResolver = StorageJsonContext.Default };
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.MakeReadOnly();
        return options;
    });

    /// <summary>Gets options that read and write NodaTime values (snapshots hold instants and dates).</summary>
    public static JsonSerializerOptions SnapshotOptions => WithNodaTime.Value;
}
