namespace Tribe.Sso.Tests.Wire;

/// <summary>The reading side of the URL text type: a path, a query and a fragment, split where a browser splits them.</summary>
public class UrlTextReadingTests
{
    [TestCase("/a", "/a", null, null)]
    [TestCase("/a?q=1", "/a", "q=1", null)]
    [TestCase("/a?q=1#top", "/a", "q=1", "top")]
    [TestCase("/a#top", "/a", null, "top")]
    [TestCase("/a#top?q=1", "/a", null, "top?q=1")]
    [TestCase("/a?q=1#top#more", "/a", "q=1", "top#more")]
    [TestCase("/a?", "/a", "", null)]
    [TestCase("/a#", "/a", null, "")]
    [TestCase("?q", "", "q", null)]
    [TestCase("#", "", null, "")]
    [TestCase("", "", null, null)]
    [TestCase("https://x.example/p?a=b&c=d#f", "https://x.example/p", "a=b&c=d", "f")]
    public void PathQueryAndFragment_AreSplitAtTheFirstQuestionMarkOrHash(string url, string path, string? query, string? fragment)
    {
        UrlText.PathOf(url).Should().Be(path);
        UrlText.QueryOf(url).Should().Be(query);
        UrlText.FragmentOf(url).Should().Be(fragment);
    }
}
