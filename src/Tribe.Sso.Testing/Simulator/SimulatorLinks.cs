using System;
using System.Text;

namespace Tribe.Sso.Testing;

/// <summary>
/// The page the simulator shows or forwards, with any token masked. The URLs it writes (the partner's, in ASCII for a
/// Location header) come from <see cref="UrlText"/>.
/// </summary>
internal static class SimulatorLinks
{
    /// <summary>What a masked token value reads as, percent-encoded: <c>…</c>.</summary>
    private const string Mask = "%E2%80%A6";

    private static readonly string[] TokenParameterNames = { "jwt", "token", "ssoToken" };

    /// <summary>
    /// The request target with the value of every parameter that may carry a token (<c>jwt</c>, <c>token</c>,
    /// <c>ssoToken</c> and the configured token parameter, ignoring case) replaced by <c>…</c>: a page never echoes a
    /// token, nor forwards it to the partner as the page to return to.
    /// </summary>
    /// <param name="target">The request target, still percent-encoded, or its decoded form for display.</param>
    /// <param name="tokenParameterName">The configured token parameter name, or null.</param>
    /// <param name="mask">What replaces each token: <c>…</c> percent-encoded by default, <c>…</c> itself for display.</param>
    public static string MaskTokens(string target, string? tokenParameterName, string mask = Mask)
    {
        var masked = new StringBuilder(target.Length);
        var start = 0;
        for (var i = 0; i <= target.Length; i++)
        {
            if (i < target.Length && target[i] is not ('?' or '&' or '#' or ';'))
            {
                continue;
            }

            var equals = target.IndexOf('=', start, i - start);
            _ = start > 0 && equals >= 0 && IsTokenParameter(target.Substring(start, equals - start), tokenParameterName)
                ? masked.Append(target, start, equals + 1 - start).Append(mask)
                : masked.Append(target, start, i - start);
            _ = i < target.Length ? masked.Append(target[i]) : masked;
            start = i + 1;
        }

        return masked.ToString();
    }

    private static bool IsTokenParameter(string name, string? tokenParameterName)
    {
        var decoded = LinkFormat.DecodeComponent(name);
        foreach (var tokenName in TokenParameterNames)
        {
            if (string.Equals(decoded, tokenName, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return tokenParameterName is not null && string.Equals(decoded, tokenParameterName, StringComparison.OrdinalIgnoreCase);
    }
}
