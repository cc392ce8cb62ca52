using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tribe.Sso.Members;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>AddTribeSsoMembers: the default and named clients, their settings, and validation at start-up.</summary>
public class AddTribeSsoMembersTests
{
    [Test]
    public async Task DefaultClient_IsThePlainService_BoundToTheCommunitysMembersSection_AndSendsThroughItsNamedHttpClient()
    {
        var (host, _, recorder, _) = MembersHost.Build(MembersHost.Settings());
        using var _ = host;
        await host.StartAsync();

        var members = host.Services.GetRequiredService<TribeMembersClient>();
        members.ApiUrl.AbsoluteUri.Should().Be("https://eu.api.example.com/graphql");
        var find = () => members.FindByExternalIdAsync("42");

        await find.Should().ThrowAsync<TribeMembersCredentialsException>();
        var request = recorder.Requests.Should().ContainSingle().Which;
        request.Url.AbsoluteUri.Should().Be("https://eu.api.example.com/graphql");
        request.Credentials.Should().Be("app-1:" + MembersHost.Secret);
        host.Services.GetRequiredService<IOptionsMonitor<TribeMembersClientOptions>>().CurrentValue.NetworkId.Should().Be("NET1");
    }

    [Test]
    public async Task NamedClient_IsTheKeyedService_WithItsOwnSettings()
    {
        var (host, _, recorder, _) = MembersHost.Build(MembersHost.Settings());
        using var _ = host;
        await host.StartAsync();

        var acme = host.Services.GetRequiredKeyedService<TribeMembersClient>("acme");
        var find = () => acme.FindByEmailAsync("jane@example.com");

        acme.ApiUrl.AbsoluteUri.Should().Be(TribeMembersClientOptions.DefaultApiUrl + "/");
        acme.Should().NotBeSameAs(host.Services.GetRequiredService<TribeMembersClient>());
        host.Services.GetKeyedService<TribeMembersClient>("gamma").Should().BeNull();
        await find.Should().ThrowAsync<TribeMembersCredentialsException>();
        recorder.Requests.Should().ContainSingle().Which.Credentials.Should().Be("acme-app:" + MembersHost.AcmeSecret);
    }

    [Test]
    public async Task Clients_ResolvedInARequestScope_StillRenewTheirTokens_AfterTheScopeDisposesThem()
    {
        var (host, _, recorder, _) = MembersHost.Build(MembersHost.Settings());
        using var _ = host;
        await host.StartAsync();
        using (var request = host.Services.CreateScope())
        {
            // The container disposes each transient IDisposable it gave out when the scope ends.
            request.ServiceProvider.GetRequiredService<TribeMembersClient>().Should().NotBeNull();
            request.ServiceProvider.GetRequiredKeyedService<TribeMembersClient>("acme").Should().NotBeNull();
        }

        using var next = host.Services.CreateScope();
        var find = () => next.ServiceProvider.GetRequiredService<TribeMembersClient>().FindByExternalIdAsync("42");
        var findAtAcme = () => next.ServiceProvider.GetRequiredKeyedService<TribeMembersClient>("acme").FindByExternalIdAsync("42");

        await find.Should().ThrowAsync<TribeMembersCredentialsException>("the community's answer to the test's credentials, not a cancelled token request");
        await findAtAcme.Should().ThrowAsync<TribeMembersCredentialsException>();
        recorder.Requests.Should().HaveCount(2, "each client asked for its app token");
    }

    [Test]
    public async Task ResolvedTwice_WithNoReload_IsTheSameClient_SoItsTokenIsReused()
    {
        var (host, _, _, _) = MembersHost.Build(MembersHost.Settings());
        using var _ = host;
        await host.StartAsync();

        host.Services.GetRequiredService<TribeMembersClient>().Should().BeSameAs(host.Services.GetRequiredService<TribeMembersClient>());
    }

    [TestCase("TribeSso:Members:ClientSecret", null, "TribeSso:Members:ClientSecret is empty. Copy the app's client secret from the developer portal into your secret store.")]
    [TestCase("TribeSso:Members:NetworkId", "", "TribeSso:Members:NetworkId is empty. Set the community's network id (the app token is issued for it).")]
    [TestCase("TribeSso:Members:ApiUrl", "http://api.example.com", "TribeSso:Members:ApiUrl must use https (http is accepted only for localhost*")]
    [TestCase("TribeSso:Members:ApiUrl", "not a url", "TribeSso:Members:ApiUrl is a relative URL. Set the full endpoint, such as https://api.bettermode.com.")]
    [TestCase("TribeSso:Members:RetryDelay", "soon", "TribeSso:Members:RetryDelay is invalid. It cannot be read as System.TimeSpan; write a URL as https://api.bettermode.com, a TimeSpan as 00:00:30 and a number in digits.")]
    [TestCase("TribeSso:Members:MaxAttempts", "many", "TribeSso:Members:MaxAttempts is invalid. It cannot be read as System.Int32*")]
    [TestCase("Communities:acme:Members:ClientId", "acme:app", "Communities:acme:Members:ClientId contains ':', which HTTP Basic authentication cannot carry.*")]
    public void InvalidSetting_FailsAtStartUp_NamingTheSettingAndNeverTheSecret(string key, string? value, string message)
    {
        var settings = MembersHost.Settings();
        settings[key] = value;
        var (host, _, _, _) = MembersHost.Build(settings);
        using var _ = host;

        var start = () => host.StartAsync();

        var thrown = start.Should().ThrowAsync<OptionsValidationException>().GetAwaiter().GetResult().Which;
        thrown.Failures.Should().ContainSingle().Which.Should().Match(message);
        thrown.Message.Should().NotContain(MembersHost.Secret).And.NotContain(MembersHost.AcmeSecret);
    }

    [Test]
    public async Task NoMembersSection_FailsAtStartUp_SayingWhatToSet()
    {
        var settings = MembersHost.Settings();
        foreach (var key in settings.Keys.Where(k => k.StartsWith("Communities:acme:Members:", StringComparison.Ordinal)).ToList())
        {
            settings.Remove(key);
        }

        var (host, _, _, _) = MembersHost.Build(settings);
        using var _ = host;
        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Failures.Should().ContainSingle()
            .Which.Should().StartWith("Communities:acme:Members:ClientId and ClientSecret are not set, and neither is AccessToken.");
    }

    [Test]
    public void SecondRegistration_OfTheSameCommunity_IsRefused()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        services.AddTribeSsoMembers("acme", configuration.GetSection("Communities:acme"));

        var again = () => services.AddTribeSsoMembers("acme", configuration.GetSection("Communities:acme"));

        again.Should().Throw<InvalidOperationException>().WithMessage("A members client for the Tribe SSO community 'acme' is already registered.*");
    }

    [TestCase("", "name")]
    [TestCase("acme corp", "name")]
    public void InvalidName_IsRefused(string name, string parameter)
    {
        var add = () => new ServiceCollection().AddTribeSsoMembers(name, new ConfigurationBuilder().Build());

        add.Should().Throw<ArgumentException>().Which.ParamName.Should().Be(parameter);
    }

    [Test]
    public void NamedHttpClient_RecyclesItsConnections_SoTheLongLivedMembersClientSeesDnsChanges()
    {
        var services = new ServiceCollection();
        services.AddTribeSsoMembers("acme", new ConfigurationBuilder().Build().GetSection("Communities:acme"));
        using var provider = services.BuildServiceProvider();

        HttpMessageHandler handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(TribeSsoMembersServiceCollectionExtensions.HttpClientNameFor("acme"));
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler!;
        }

        handler.Should().BeOfType<SocketsHttpHandler>().Which.PooledConnectionLifetime.Should().Be(TimeSpan.FromMinutes(2), "the factory's default handler recycles connections at its HandlerLifetime");
    }

    [TestCase(null)]
    [TestCase("acme")]
    public void NamedHttpClient_FollowsNoRedirect_SoNoAnswerSendsTheCredentialsAndMemberDataElsewhere(string? community)
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        if (community is null)
        {
            services.AddTribeSsoMembers(configuration.GetSection("TribeSso"));
        }
        else
        {
            services.AddTribeSsoMembers(community, configuration.GetSection("Communities:" + community));
        }

        using var provider = services.BuildServiceProvider();

        HttpMessageHandler handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(TribeSsoMembersServiceCollectionExtensions.HttpClientNameFor(community));
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler!;
        }

        handler.Should().BeOfType<SocketsHttpHandler>().Which.AllowAutoRedirect.Should().BeFalse();
    }

    [TestCase(null, "Tribe.Sso.Members")]
    [TestCase("acme", "Tribe.Sso.Members:acme")]
    public void HttpClientNameFor_NamesEachCommunitysClient(string? community, string expected)
        => TribeSsoMembersServiceCollectionExtensions.HttpClientNameFor(community).Should().Be(expected);
}
