namespace Tribe.Sso.Members;

// The variables of each document in GraphQlDocuments; null properties are left out of the JSON.
#pragma warning disable SA1402, SA1649, CA1812
internal sealed class LimitedTokenVariables
{
    public string Context { get; set; } = "NETWORK";

    public string NetworkId { get; set; } = "";

    public string EntityId { get; set; } = "";
}

internal sealed class ExternalIdVariables
{
    public string ExternalId { get; set; } = "";
}

internal sealed class MembersVariables
{
    public int Limit { get; set; }

    public string? Query { get; set; }

    public string? After { get; set; }
}

internal sealed class UpdateMemberVariables
{
    public string Id { get; set; } = "";

    public UpdateMemberInput Input { get; set; } = new();
}

internal sealed class UpdateMemberInput
{
    public string? ExternalId { get; set; }

    public string? Email { get; set; }

    public string? Name { get; set; }

    public string? Tagline { get; set; }

    public string? Locale { get; set; }
}

internal sealed class IdVariables
{
    public string Id { get; set; } = "";
}
#pragma warning restore SA1402, SA1649, CA1812
