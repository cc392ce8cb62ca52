using System.Text.Json.Serialization;

namespace Tribe.Sso.AspNetCore;

/// <summary>Source-generated JSON for <see cref="LinkResponse"/>, so the endpoint needs no reflection (trimming, Native AOT).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LinkResponse))]
internal sealed partial class LinkResponseJsonContext : JsonSerializerContext
{
}
