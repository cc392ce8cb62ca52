using System;
using System.Collections.Generic;
using System.Linq;

namespace Tribe.Sso.Testing;

/// <summary>Collects the findings of one read; the severity of each comes from its code, so a code never changes meaning.</summary>
internal sealed class FindingsCollector
{
    private const int MaxEchoLength = 64;
    private readonly List<TribeSsoFinding> _findings = new();

    public bool HasRejection => _findings.Any(f => f.Severity == TribeSsoFindingSeverity.Rejected);

    public static TribeSsoFindingSeverity SeverityOf(TribeSsoFindingCode code) => code switch
    {
        TribeSsoFindingCode.SignatureNotChecked or TribeSsoFindingCode.IssuedInFuture or TribeSsoFindingCode.NoExpiry
            or TribeSsoFindingCode.LifetimeTooLong or TribeSsoFindingCode.RedirectUnsafe or TribeSsoFindingCode.GroupsRemoveAll
            or TribeSsoFindingCode.RefusedBySdk => TribeSsoFindingSeverity.Warning,
        TribeSsoFindingCode.UnknownClaim or TribeSsoFindingCode.PictureNotHttp or TribeSsoFindingCode.ClaimIgnored
            or TribeSsoFindingCode.GroupsOperationIgnored => TribeSsoFindingSeverity.Ignored,
        _ => TribeSsoFindingSeverity.Rejected,
    };

    /// <summary>A value from the token, quoted for a message: at most 64 characters, so a finding never carries a huge value.</summary>
    public static string Quote(string value) => value.Length <= MaxEchoLength ? "'" + value + "'" : "'" + Truncate(value) + "…'";

    /// <summary>The first 64 characters, without splitting a surrogate pair.</summary>
    private static string Truncate(string value)
        => value.Substring(0, char.IsHighSurrogate(value[MaxEchoLength - 1]) ? MaxEchoLength - 1 : MaxEchoLength);

    public void Add(TribeSsoFindingCode code, string? claim, string message) => _findings.Add(new TribeSsoFinding(code, claim, message));

    public void Malformed(string why) => Add(TribeSsoFindingCode.Malformed, null, "not a JWT: " + why);

    /// <summary>The findings, most serious first (stable within a severity).</summary>
    public IReadOnlyList<TribeSsoFinding> ToList() => _findings.OrderBy(f => f.Severity).ToList().AsReadOnly();

    public override string ToString() => string.Join(Environment.NewLine, _findings);
}
