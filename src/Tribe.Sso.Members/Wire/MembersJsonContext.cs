using System.Text.Json.Serialization;

namespace Tribe.Sso.Members;

/// <summary>Source-generated (de)serialization of every request and answer: no reflection, so the package is trim- and AOT-safe.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 32)]
[JsonSerializable(typeof(GraphQlRequest<LimitedTokenVariables>))]
[JsonSerializable(typeof(GraphQlRequest<ExternalIdVariables>))]
[JsonSerializable(typeof(GraphQlRequest<MembersVariables>))]
[JsonSerializable(typeof(GraphQlRequest<UpdateMemberVariables>))]
[JsonSerializable(typeof(GraphQlRequest<IdVariables>))]
[JsonSerializable(typeof(GraphQlResponse<LimitedTokenData>))]
[JsonSerializable(typeof(GraphQlResponse<MemberData>))]
[JsonSerializable(typeof(GraphQlResponse<MembersData>))]
[JsonSerializable(typeof(GraphQlResponse<UpdateMemberData>))]
[JsonSerializable(typeof(GraphQlResponse<DeleteMemberData>))]
[JsonSerializable(typeof(JwtPayload))]
internal sealed partial class MembersJsonContext : JsonSerializerContext
{
}
