using System.Net;
using System.Text.RegularExpressions;

namespace Tribe.Sso.Testing.Tests.Simulator;

/// <summary>Reading the simulator's answers: the session cookie, and an element's text.</summary>
internal static class SimulatorResponses
{
    public static string Session(TribeCommunitySimulatorResponse response)
        => Regex.Match(response.GetHeader("Set-Cookie") ?? string.Empty, "^tribe_sim_session=([0-9a-f]+);").Groups[1].Value;

    /// <summary>The decoded text of the element with this id (the pages are simple: no nested element of the same tag).</summary>
    public static string Text(TribeCommunitySimulatorResponse response, string id)
    {
        var match = Regex.Match(response.Body, "<(\\w+) id=\"" + id + "\"[^>]*>(.*?)</\\1>", RegexOptions.Singleline);
        match.Success.Should().BeTrue("the page has an element with id " + id);
        return WebUtility.HtmlDecode(Regex.Replace(match.Groups[2].Value, "<[^>]+>", string.Empty));
    }

    /// <summary>The decoded href of the link with this id, or null when the page has none.</summary>
    public static string? Href(TribeCommunitySimulatorResponse response, string id)
    {
        var match = Regex.Match(response.Body, "<a id=\"" + id + "\" href=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }
}
