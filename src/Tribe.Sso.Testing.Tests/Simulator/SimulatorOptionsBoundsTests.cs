using System;

namespace Tribe.Sso.Testing.Tests.Simulator;

/// <summary>The simulator's options at their bounds: the first value refused on each side and the last one taken, and the words of each refusal.</summary>
public class SimulatorOptionsBoundsTests
{
    [Test]
    public void Options_ByDefault_AreTheDocumentedOnes()
    {
        var options = new TribeCommunitySimulatorOptions();

        options.BasePath.Should().BeEmpty();
        options.RedirectParameterName.Should().Be("redirect");
        options.NetworkId.Should().Be("SimNetwork");
        options.ApiRateLimit.Should().BeNull();
        options.ApiTokenLifetime.Should().Be(TimeSpan.FromHours(1));
        options.ApiClientId.Should().BeNull();
        options.ApiClientSecret.Should().BeNull();
        options.WebhookUrl.Should().BeNull();
        options.WebhookSigningSecret.Should().BeNull();
        options.WebhookHttpHandler.Should().BeNull();
        options.ReaderOptions.Should().NotBeNull();
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void ApiRateLimit_BelowOne_IsRefused_SayingWhatIsExpected(int limit)
    {
        var options = new TribeCommunitySimulatorOptions();

        var act = () => options.ApiRateLimit = limit;

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("ApiRateLimit must be at least 1 request per 10 seconds, or null for no limit.*");
        options.ApiRateLimit.Should().BeNull();
    }

    [TestCase(1)]
    [TestCase(null)]
    public void ApiRateLimit_OfOneOrNone_IsTaken(int? limit)
    {
        var options = new TribeCommunitySimulatorOptions { ApiRateLimit = 5 };

        options.ApiRateLimit = limit;

        options.ApiRateLimit.Should().Be(limit);
    }

    [TestCase(0L)]
    [TestCase(-1L)]
    public void ApiTokenLifetime_NotPositive_IsRefused(long ticks)
    {
        var act = () => new TribeCommunitySimulatorOptions { ApiTokenLifetime = TimeSpan.FromTicks(ticks) };

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("ApiTokenLifetime must be positive: a token without a future exp is no token.*");
    }

    [Test]
    public void ApiTokenLifetime_OfOneTick_IsTaken()
        => new TribeCommunitySimulatorOptions { ApiTokenLifetime = TimeSpan.FromTicks(1) }.ApiTokenLifetime.Should().Be(TimeSpan.FromTicks(1));

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" \t")]
    public void NetworkId_Blank_IsRefused(string? id)
    {
        var act = () => new TribeCommunitySimulatorOptions { NetworkId = id! };

        act.Should().Throw<ArgumentException>().WithMessage("NetworkId must be a network id, such as CAx1mZ7I7a.");
    }

    [Test]
    public void NetworkId_Over256Characters_IsRefused()
    {
        var act = () => new TribeCommunitySimulatorOptions { NetworkId = new string('n', 257) };

        act.Should().Throw<ArgumentException>().WithMessage("NetworkId must be at most 256 characters: the gateway's access tokens carry it.");
        new TribeCommunitySimulatorOptions { NetworkId = new string('n', 256) }.NetworkId.Should().HaveLength(256);
    }

    [Test]
    public void NetworkId_IsTakenAsGiven()
        => new TribeCommunitySimulatorOptions { NetworkId = " CAx1 " }.NetworkId.Should().Be(" CAx1 ");

    [TestCase(1L)]
    [TestCase(TimeSpan.TicksPerHour)]
    public void WebhookTimeout_FromATickToAnHour_IsTaken(long ticks)
        => new TribeCommunitySimulatorOptions { WebhookTimeout = TimeSpan.FromTicks(ticks) }.WebhookTimeout.Should().Be(TimeSpan.FromTicks(ticks));

    [TestCase(0L)]
    [TestCase(-1L)]
    [TestCase(TimeSpan.TicksPerHour + 1)]
    public void WebhookTimeout_OutsideATickToAnHour_IsRefused(long ticks)
    {
        var act = () => new TribeCommunitySimulatorOptions { WebhookTimeout = TimeSpan.FromTicks(ticks) };

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("WebhookTimeout must be positive and at most one hour, such as 5 seconds.*");
    }

    [TestCase(1)]
    [TestCase(10)]
    public void WebhookMaxAttempts_FromOneToTen_IsTaken(int attempts)
        => new TribeCommunitySimulatorOptions { WebhookMaxAttempts = attempts }.WebhookMaxAttempts.Should().Be(attempts);

    [TestCase(0)]
    [TestCase(11)]
    public void WebhookMaxAttempts_OutsideOneToTen_IsRefused(int attempts)
    {
        var act = () => new TribeCommunitySimulatorOptions { WebhookMaxAttempts = attempts };

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("WebhookMaxAttempts must be between 1 (the first attempt only) and 10.*");
    }

    [TestCase("http://127.0.0.1:5080/hooks")]
    [TestCase("https://partner.example/hooks?x=1")]
    public void WebhookUrl_AbsoluteHttpOrHttps_IsTaken(string url)
        => new TribeCommunitySimulatorOptions { WebhookUrl = new Uri(url) }.WebhookUrl.Should().Be(new Uri(url));

    [Test]
    public void WebhookUrl_WithAnEmptyFragment_IsRefused()
    {
        var act = () => new TribeCommunitySimulatorOptions { WebhookUrl = new Uri("https://partner.example/hooks#") };

        act.Should().Throw<ArgumentException>().WithMessage("WebhookUrl must be an absolute http or https URL without user info or a fragment*");
    }

    [Test]
    public void WebhookUrl_SetBackToNull_SendsNothing()
    {
        var options = new TribeCommunitySimulatorOptions { WebhookUrl = new Uri("https://partner.example/hooks") };

        options.WebhookUrl = null;

        options.WebhookUrl.Should().BeNull();
        new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary), options).WebhooksIdleAsync().IsCompletedSuccessfully.Should().BeTrue();
    }

    [TestCase("http://partner.example/sso")]
    [TestCase("https://partner.example/sso?from=community")]
    public void PartnerUrl_AbsoluteHttpOrHttps_IsTaken_AndCanBeCleared(string url)
    {
        var options = new TribeCommunitySimulatorOptions
        {
            AuthorizationUrl = new Uri(url),
            SignUpUrl = new Uri(url),
            LogoutUrl = new Uri(url),
            SettingsUrl = new Uri(url),
        };

        (options.AuthorizationUrl, options.SignUpUrl, options.LogoutUrl, options.SettingsUrl).Should().Be((new Uri(url), new Uri(url), new Uri(url), new Uri(url)));
        options.AuthorizationUrl = null;
        options.SettingsUrl = null;
        options.AuthorizationUrl.Should().BeNull();
        options.SettingsUrl.Should().BeNull();
    }

    [TestCase("https://partner.example/sso#", "must not carry user info or a fragment")]
    [TestCase("ftp://partner.example/sso", "must be an absolute http or https URL")]
    public void SettingsUrl_Refused_NamesTheOption(string url, string why)
    {
        var act = () => new TribeCommunitySimulatorOptions { SettingsUrl = new Uri(url) };

        act.Should().Throw<ArgumentException>().WithMessage("SettingsUrl " + why + "*");
    }

    [Test]
    public void UrlShape_Bettermode_IsTaken()
        => new TribeCommunitySimulatorOptions { UrlShape = TribeCommunityUrlShape.Bettermode }.UrlShape.Should().Be(TribeCommunityUrlShape.Bettermode);

    [TestCase("redirect")]
    [TestCase("redirect_uri")]
    public void RedirectParameterName_OfTheTwoTribeUses_IsTaken(string name)
        => new TribeCommunitySimulatorOptions { RedirectParameterName = name }.RedirectParameterName.Should().Be(name);

    [TestCase("/a")]
    [TestCase("/z")]
    [TestCase("/A")]
    [TestCase("/Z")]
    [TestCase("/0")]
    [TestCase("/9")]
    [TestCase("/-")]
    [TestCase("/_")]
    [TestCase("/~")]
    [TestCase("/...")]
    [TestCase("/.a")]
    [TestCase("/a/b.c/d")]
    public void BasePath_OfSegmentCharacters_IsTaken(string basePath)
        => new TribeCommunitySimulatorOptions { BasePath = basePath }.BasePath.Should().Be(basePath);

    [TestCase("/`")]
    [TestCase("/{")]
    [TestCase("/@")]
    [TestCase("/[")]
    [TestCase("/:")]
    [TestCase("/!")]
    [TestCase("/")]
    [TestCase("/..")]
    [TestCase("/a/.")]
    [TestCase("/a/")]
    [TestCase("community-sim/x")]
    public void BasePath_WithAnyOtherCharacterOrSegment_IsRefused(string basePath)
    {
        var act = () => new TribeCommunitySimulatorOptions { BasePath = basePath };

        act.Should().Throw<ArgumentException>().WithMessage("BasePath must be empty or a path without a trailing '/', such as /community-sim. Each segment is ASCII letters, digits, '-', '.', '_' or '~' (not . or ..), so that a link or a Location header under it stays on the simulator.");
    }

    [TestCase(null)]
    [TestCase("")]
    public void BasePath_NullOrEmpty_IsEmpty(string? basePath)
        => new TribeCommunitySimulatorOptions { BasePath = "/x" }.With(o => o.BasePath = basePath!).BasePath.Should().BeEmpty();
}

/// <summary>Sets a property after an initializer, for a test that checks a value replaced.</summary>
internal static class OptionsExtensions
{
    public static TribeCommunitySimulatorOptions With(this TribeCommunitySimulatorOptions options, Action<TribeCommunitySimulatorOptions> change)
    {
        change(options);
        return options;
    }
}
