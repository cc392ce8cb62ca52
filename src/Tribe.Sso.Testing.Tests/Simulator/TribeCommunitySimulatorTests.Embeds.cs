namespace Tribe.Sso.Testing.Tests.Simulator;

// Embedded pages: the signed-in member, the embed options, and anonymous embeds.
public partial class TribeCommunitySimulatorTests
{
    [Test]
    public void EmbedPage_ShowsTheSignedInMember_AndTheEmbedOptions()
    {
        var session = Session(Get(_issuer.CreateLoginUrl(Issuers.Jane(), "/embed/space/whats-new?readonly=false&header=true&composer=true&about=true")));

        var embed = _simulator.Handle("GET", "/embed/space/whats-new?readonly=false&header=true&composer=true&about=true", session);

        embed.StatusCode.Should().Be(200);
        Text(embed, "embed-name").Should().Be("Jane Doe");
        Text(embed, "embed-email").Should().Be("jane@example.com");
        Text(embed, "embed-page").Should().Be("space whats-new");
        Text(embed, "embed-options").Should().Be("readonly=false, header=true, composer=true, about=true");
        Text(embed, "embed-header").Should().Be("Simulated community");
        Text(embed, "embed-about").Should().StartWith("About:");
        Text(embed, "embed-composer").Should().Be("Write something, Jane Doe…");
    }

    [Test]
    public void EmbedOptions_ChangeThePage()
    {
        var session = Session(Get(_issuer.CreateLoginUrl(Issuers.Jane())));

        var embed = _simulator.Handle("GET", "/embed/space/whats-new?readonly=true&header=false&composer=true", session);

        embed.Body.Should().NotContain("id=\"embed-header\"").And.NotContain("id=\"embed-composer\"", "a read-only space has no composer").And.NotContain("id=\"embed-about\"");
        Text(embed, "embed-name").Should().Be("Jane Doe");
    }

    [Test]
    public void EmbedWithAQuestionMarkInItsFragment_ReadsNoOptionsFromTheFragment()
    {
        var embed = _simulator.Handle("GET", "/embed/space/whats-new#top?header=false");

        Text(embed, "embed-page").Should().Be("space whats-new", "the fragment is not part of the path");
        embed.Body.Should().Contain("id=\"embed-header\"", "options come from the query, and a '?' after '#' starts none");
    }

    [TestCase("/embed", "the whole community")]
    [TestCase("/embed/post/7YLkAXyezVhHloA", "post 7YLkAXyezVhHloA")]
    public void EmbedPage_NamesWhatIsEmbedded(string path, string what)
        => Text(_simulator.Handle("GET", path), "embed-page").Should().Be(what);

    [Test]
    public void AnonymousEmbed_OffersLogInInTheTopWindow()
    {
        var embed = _simulator.Handle("GET", "/embed/space/whats-new");

        Text(embed, "embed-signed-out").Should().StartWith("Not signed in.");
        embed.Body.Should().Contain("<a id=\"embed-log-in\" href=\"https://partner.example/community/sso?redirect=%2Fembed%2Fspace%2Fwhats-new\" target=\"_top\">Log in</a>");
    }

    [Test]
    public void EmbedPage_IsOneBoxInTheBody()
    {
        var embed = _simulator.Handle("GET", "/embed");

        embed.Body.Should().Contain("</style></head><body><div class=\"embed\"><p id=\"embed-header\" class=\"name\">Simulated community</p><p>Embedded: ");
        embed.Body.Should().EndWith("<span id=\"embed-options\">(none)</span></p></div></body></html>");
    }
}
