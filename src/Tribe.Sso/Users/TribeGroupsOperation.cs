namespace Tribe.Sso;

/// <summary>What the community does with the <c>groups</c> claim.</summary>
public enum TribeGroupsOperation
{
    /// <summary>The user's groups become exactly the groups sent (no <c>groupsOperation</c> claim is written).</summary>
    Replace = 0,

    /// <summary>The groups sent are added to the user's groups (<c>"groupsOperation": "add"</c>).</summary>
    Add = 1,
}
