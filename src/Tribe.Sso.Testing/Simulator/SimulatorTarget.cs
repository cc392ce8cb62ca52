using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;

namespace Tribe.Sso.Testing;

/// <summary>
/// The request target and host as the simulator reads them: an absolute-form target (RFC 9112 §3.2.2) becomes its
/// path and query, and only loopback names are served, so a page on another site cannot reach the simulator by
/// pointing a name it controls at 127.0.0.1 (DNS rebinding).
/// </summary>
internal static class SimulatorTarget
{
    private static readonly char[] AuthorityEnd = { '/', '?', '#' };

    /// <summary>The origin-form of <paramref name="target"/>; <paramref name="authority"/> is the host of an absolute-form one, else null.</summary>
    public static string OriginForm(string target, out string? authority)
    {
        authority = null;
        var schemeLength = target.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7
            : target.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8
            : 0;
        if (schemeLength == 0)
        {
            return target;
        }

        var end = target.IndexOfAny(AuthorityEnd, schemeLength);
        authority = end < 0 ? target.Substring(schemeLength) : target.Substring(schemeLength, end - schemeLength);
        return end < 0 ? "/" : target[end] == '/' ? target.Substring(end) : "/" + target.Remove(0, end);
    }

    /// <summary>
    /// Whether <paramref name="host"/> (a Host header: name and optional port) names this machine: none given,
    /// <c>localhost</c>, a name under <c>.localhost</c> (RFC 6761: never resolved through DNS), <c>127.x.x.x</c> or <c>[::1]</c>.
    /// </summary>
    public static bool IsLoopbackHost(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return true;
        }

        string name;
        string port;
        if (host![0] == '[')
        {
            var close = host.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            name = host.Substring(1, close - 1);
            port = host.Substring(close + 1);
            return IsPort(port) && IPAddress.TryParse(name, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6 && IPAddress.IsLoopback(v6);
        }

        var colon = host.IndexOf(':');
        name = colon < 0 ? host : host.Substring(0, colon);
        port = colon < 0 ? string.Empty : host.Substring(colon);
        if (!IsPort(port))
        {
            return false;
        }

        if (string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            var labels = name.Substring(0, name.Length - ".localhost".Length).Split('.');
            return labels.All(l => l.Length > 0 && l.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-'));
        }

        return name.Length > 0 && name.All(c => c is (>= '0' and <= '9') or '.') && IPAddress.TryParse(name, out var v4) && IPAddress.IsLoopback(v4);
    }

    /// <summary>The SSO path of the shape the community serves.</summary>
    public static string SsoPath(TribeCommunityUrlShape shape)
        => shape == TribeCommunityUrlShape.Bettermode ? TribeSsoOptions.BettermodeSsoPath : TribeSsoOptions.DefaultSsoPath;

    /// <summary>The other shape's redirect parameter, which the community ignores.</summary>
    public static string IgnoredRedirectParameter(TribeCommunityUrlShape shape)
        => shape == TribeCommunityUrlShape.Bettermode ? TribeSsoOptions.DefaultRedirectParameterName : TribeSsoOptions.BettermodeRedirectParameterName;

    /// <summary>
    /// An address under <c>/auth/</c> or <c>/api/</c> that is not the exact SSO or logout path, such as <c>/auth/sso/</c>,
    /// <c>/Auth/SSO</c> or the other shape's SSO path: answered 404 rather than with a page that would echo its token.
    /// </summary>
    public static bool IsNearSsoAddress(string localPath)
        => localPath.Equals("/auth", StringComparison.OrdinalIgnoreCase) || localPath.Equals("/api", StringComparison.OrdinalIgnoreCase)
        || localPath.StartsWith("/auth/", StringComparison.OrdinalIgnoreCase) || localPath.StartsWith("/api/", StringComparison.OrdinalIgnoreCase);

    private static bool IsPort(string port)
        => port.Length == 0 || (port[0] == ':' && port.Length is > 1 and <= 6 && port.Skip(1).All(c => c is >= '0' and <= '9'));
}
