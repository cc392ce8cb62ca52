namespace Tribe.Sso.Testing;

/// <summary>One thing the reader noticed about a token, in the community's terms.</summary>
public sealed class TribeSsoFinding
{
    internal TribeSsoFinding(TribeSsoFindingCode code, string? claim, string message)
    {
        Code = code;
        Severity = FindingsCollector.SeverityOf(code);
        Claim = claim;
        Message = message;
    }

    /// <summary>Gets what the finding is about.</summary>
    public TribeSsoFindingCode Code { get; }

    /// <summary>Gets how the community treats it; always the same for a given <see cref="Code"/>.</summary>
    public TribeSsoFindingSeverity Severity { get; }

    /// <summary>Gets the claim or header field concerned, or null.</summary>
    public string? Claim { get; }

    /// <summary>Gets a plain-words explanation, such as <c>expired 14 s ago</c>. Never contains the key.</summary>
    public string Message { get; }

    /// <summary>Returns the severity, code and message.</summary>
    /// <returns>For example <c>Rejected Expired: expired 14 s ago</c>.</returns>
    public override string ToString() => Severity + " " + Code + ": " + Message;
}
