using System.Text.Json;

namespace Tribe.Sso.Members;

/// <summary>A webhook's member object (the API's member fields) to <see cref="TribeMember"/>, through the API answers' mapping.</summary>
internal static class WebhookMembers
{
    public static TribeMember? Read(JsonElement member, string path)
    {
        if (member.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        MemberDto? dto;
        try
        {
            dto = member.Deserialize(MembersJsonContext.Default.MemberDto);
        }
        catch (JsonException)
        {
            throw new TribeWebhookFormatException("The webhook field \"" + path + "\" is not a member: a field has the wrong kind.");
        }

        if (string.IsNullOrEmpty(dto?.Id))
        {
            throw new TribeWebhookFormatException("The webhook field \"" + path + "\" is a member without an \"id\".");
        }

        return MemberMapping.ToMember(dto, "webhook");
    }
}
