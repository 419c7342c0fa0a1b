namespace Coalitions.Core.Kernel;

public static partial class ErrorCodes
{
    /// <summary>Codes of storage: loading and saving aggregates through a store.</summary>
    public static class Storage
    {
        /// <summary>No stream holds the aggregate asked for.</summary>
        public static readonly ErrorCode StreamNotFound = new("Storage.StreamNotFound", "An aggregate is loaded from the stream that holds its events; no such stream exists for the id given.");

        /// <summary>A stream name does not follow the convention.</summary>
        public static readonly ErrorCode UnknownStream = new("Storage.UnknownStream", "A stream name is {category}-{id}, with the category of a catalogued aggregate type and a non-empty GUID.");
    }
}
