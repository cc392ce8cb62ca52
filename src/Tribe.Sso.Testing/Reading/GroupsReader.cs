using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Tribe.Sso.Testing;

/// <summary>Stage 2, groups: <c>groups</c> and <c>groupsOperation</c>, read with the issuer's names and spellings.</summary>
internal static class GroupsReader
{
    public static void Read(JsonElement payload, TribeSsoClaims claims, FindingsCollector findings)
    {
        var hasOperation = payload.TryGetProperty(ClaimNames.GroupsOperation, out var operation) && operation.ValueKind != JsonValueKind.Null;
        var isAdd = hasOperation && operation.ValueKind == JsonValueKind.String && operation.GetString() == ClaimValues.AddOperation;
        if (hasOperation && !isAdd)
        {
            var shown = operation.ValueKind == JsonValueKind.String ? " " + FindingsCollector.Quote(operation.GetString()!) : " (" + ClaimsReader.Kind(operation) + ")";
            findings.Add(TribeSsoFindingCode.GroupsOperationInvalid, ClaimNames.GroupsOperation, "groupsOperation" + shown + " is not \"add\" (leave it out to replace the user's groups)");
        }

        if (!payload.TryGetProperty(ClaimNames.Groups, out var groups) || groups.ValueKind == JsonValueKind.Null)
        {
            if (hasOperation)
            {
                findings.Add(TribeSsoFindingCode.GroupsOperationIgnored, ClaimNames.GroupsOperation, "groupsOperation without groups; the community ignores it");
            }

            return;
        }

        if (groups.ValueKind != JsonValueKind.Array)
        {
            findings.Add(TribeSsoFindingCode.GroupsInvalid, ClaimNames.Groups, "groups is " + ClaimsReader.Kind(groups) + ", not an array");
            return;
        }

        var entries = new List<TribeSsoGroupClaim>();
        foreach (var entry in groups.EnumerateArray())
        {
            var parsed = ReadEntry(entry, out var problem);
            if (parsed is null)
            {
                findings.Add(TribeSsoFindingCode.GroupsInvalid, ClaimNames.Groups, string.Format(CultureInfo.InvariantCulture, "groups[{0}] {1}", entries.Count, problem));
                return;
            }

            entries.Add(parsed);
        }

        claims.Groups = entries.AsReadOnly();
        claims.GroupsOperation = isAdd ? TribeGroupsOperation.Add : TribeGroupsOperation.Replace;
        if (entries.Count == 0 && !isAdd)
        {
            findings.Add(TribeSsoFindingCode.GroupsRemoveAll, ClaimNames.Groups, "groups is empty without groupsOperation \"add\": the community removes the user from every group");
        }
    }

    private static TribeSsoGroupClaim? ReadEntry(JsonElement entry, out string problem)
    {
        problem = string.Empty;
        if (entry.ValueKind == JsonValueKind.String && entry.GetString()!.Length > 0)
        {
            return new TribeSsoGroupClaim(entry.GetString()!, TribeGroupRole.Member, TribeGroupStatus.Joined, isBareId: true);
        }

        if (entry.ValueKind != JsonValueKind.Object)
        {
            problem = (entry.ValueKind == JsonValueKind.String ? "is an empty string" : "is " + ClaimsReader.Kind(entry)) + "; expected a group id string or {\"group\", \"role\", \"status\"}";
            return null;
        }

        if (!entry.TryGetProperty(ClaimNames.GroupId, out var id) || id.ValueKind != JsonValueKind.String || id.GetString()!.Length == 0)
        {
            problem = "has no \"group\" id string";
            return null;
        }

        var role = TribeGroupRole.Member;
        if (entry.TryGetProperty(ClaimNames.GroupRole, out var roleValue)
            && !(roleValue.ValueKind == JsonValueKind.String && ClaimValues.TryParseGroupRole(roleValue.GetString(), out role)))
        {
            problem = "has a role that is not \"member\" or \"admin\"";
            return null;
        }

        var status = TribeGroupStatus.Joined;
        if (entry.TryGetProperty(ClaimNames.GroupStatus, out var statusValue)
            && !(statusValue.ValueKind == JsonValueKind.String && ClaimValues.TryParseGroupStatus(statusValue.GetString(), out status)))
        {
            problem = "has a status that is not \"joined\" or \"unapproved\"";
            return null;
        }

        return new TribeSsoGroupClaim(id.GetString()!, role, status, isBareId: false);
    }
}
