using System;
using System.Threading;

namespace Tribe.Sso.Members.Tests;

public class TribeMembersClientOptionsTests
{
    private static TribeMembersClientOptions App() => new() { NetworkId = "net", ClientId = "id", ClientSecret = "top-secret-value" };

    [Test]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new TribeMembersClientOptions();

        options.ApiUrl.AbsoluteUri.Should().Be("https://api.bettermode.com/");
        options.MaxAttempts.Should().Be(4);
        options.RetryDelay.Should().Be(TimeSpan.FromSeconds(1));
        options.MaxRetryDelay.Should().Be(TimeSpan.FromSeconds(30));
        options.AttemptTimeout.Should().Be(TimeSpan.FromSeconds(30));
    }

    [Test]
    public void AppCredentials_Validate() => App().Invoking(o => o.Validate()).Should().NotThrow();

    [Test]
    public void AccessTokenAlone_Validates() => new TribeMembersClientOptions { AccessToken = "token" }.Invoking(o => o.Validate()).Should().NotThrow();

    [Test]
    public void HttpLocalhost_Validates()
    {
        var options = App();
        options.ApiUrl = new Uri("http://localhost:5005/api/gateway");

        options.Invoking(o => o.Validate()).Should().NotThrow();
    }

    [TestCase(nameof(TribeMembersClientOptions.ClientId), "not set")]
    [TestCase(nameof(TribeMembersClientOptions.ClientSecret), "empty")]
    [TestCase(nameof(TribeMembersClientOptions.NetworkId), "network id")]
    [TestCase(nameof(TribeMembersClientOptions.AccessToken), "not both")]
    [TestCase(nameof(TribeMembersClientOptions.ApiUrl), "https")]
    [TestCase(nameof(TribeMembersClientOptions.MaxAttempts), "1 (no retries) to 10")]
    [TestCase(nameof(TribeMembersClientOptions.MaxRetryDelay), "at least RetryDelay")]
    [TestCase(nameof(TribeMembersClientOptions.AttemptTimeout), "more than zero")]
    public void BrokenOption_ThrowsNamingTheOptionAndTheFix(string option, string fix)
    {
        var options = App();
        switch (option)
        {
            case "ClientId": options = new TribeMembersClientOptions(); break;
            case "ClientSecret": options.ClientSecret = " "; break;
            case "NetworkId": options.NetworkId = null; break;
            case "AccessToken": options.AccessToken = "token"; break;
            case "ApiUrl": options.ApiUrl = new Uri("http://api.bettermode.com"); break;
            case "MaxAttempts": options.MaxAttempts = 0; break;
            case "MaxRetryDelay": options.MaxRetryDelay = TimeSpan.FromMilliseconds(10); break;
            default: options.AttemptTimeout = TimeSpan.Zero; break;
        }

        var thrown = options.Invoking(o => o.Validate()).Should().Throw<TribeMembersConfigurationException>().Which;

        thrown.OptionName.Should().Be(option);
        thrown.Message.Should().StartWith("TribeMembersClientOptions." + option + " ").And.Contain(fix).And.NotContain("top-secret-value");
    }

    [Test]
    public void SecretWithNewline_IsRefusedWithoutShowingIt()
    {
        var options = App();
        options.ClientSecret = "top-secret-value\n";

        options.Invoking(o => o.Validate()).Should().Throw<TribeMembersConfigurationException>().Which.Message.Should().NotContain("top-secret-value");
    }

    [Test]
    public void InfiniteAttemptTimeout_Validates()
    {
        var options = App();
        options.AttemptTimeout = Timeout.InfiniteTimeSpan;

        options.Invoking(o => o.Validate()).Should().NotThrow();
    }

    [Test]
    public void ToString_ShowsNeitherSecretNorToken()
    {
        var options = App();

        options.ToString().Should().Contain("ClientId = id").And.Contain("ClientSecret = (set)").And.NotContain("top-secret-value");
        new TribeMembersClientOptions { AccessToken = "the-token" }.ToString().Should().NotContain("the-token");
    }

    [Test]
    public void Client_ValidatesOnConstruction()
    {
        var act = () => new TribeMembersClient(new TribeMembersClientOptions());

        act.Should().Throw<TribeMembersConfigurationException>().Which.OptionName.Should().Be("ClientId");
    }
}
