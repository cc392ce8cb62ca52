using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tribe.Sso.Members;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>A members client's settings at their edges: each setting's reload, recovery, a failing Configure, disposal.</summary>
public class MembersSettingsEdgeTests
{
    [TestCase("TribeSso:Members:ApiUrl", "https://us.api.example.com/graphql")]
    [TestCase("TribeSso:Members:NetworkId", "NET2")]
    [TestCase("TribeSso:Members:ClientId", "app-2")]
    public async Task Reload_ChangingOneSetting_GivesANewClient(string key, string value)
    {
        var (host, configuration, _, _) = MembersHost.Build(MembersHost.Settings());
        using var _ = host;
        await host.StartAsync();
        var before = host.Services.GetRequiredService<TribeMembersClient>();

        configuration.Reload(key, value);

        host.Services.GetRequiredService<TribeMembersClient>().Should().NotBeSameAs(before, "a change of " + key + " alone is a change of the settings");
    }

    [Test]
    public async Task Reload_BackToTheSettingsInUse_AfterARefusedOne_ClearsTheProblem()
    {
        var (host, configuration, _, _) = MembersHost.Build(MembersHost.Settings());
        using var _ = host;
        await host.StartAsync();
        var members = host.Services.GetRequiredKeyedService<TribeMembersCommunity>(Options.DefaultName);

        configuration.Reload("TribeSso:Members:NetworkId", string.Empty);
        members.Problem.Should().StartWith("TribeSso:Members:NetworkId is empty.");
        configuration.Reload("TribeSso:Members:NetworkId", "NET1");

        members.Problem.Should().BeNull("the settings in the configuration are valid again");
    }

    [Test]
    public void InvalidSettings_AreTheClientsProblem_FromTheFirstRead()
    {
        var settings = MembersHost.Settings();
        settings["TribeSso:Members:NetworkId"] = string.Empty;
        var (host, _, _, _) = MembersHost.Build(settings);
        using var _ = host;

        var read = () => host.Services.GetRequiredService<TribeMembersClient>();

        read.Should().Throw<OptionsValidationException>().Which.Message.Should().StartWith("TribeSso:Members:NetworkId is empty.");
    }

    [Test]
    public async Task ConfigureThatThrows_IsRefused_WithoutItsMessage_AndTheLastClientStays()
    {
        var configuration = new ReloadableConfiguration(MembersHost.Settings());
        var root = new ConfigurationBuilder().Add(configuration).Build();
        var fail = false;
        var services = new ServiceCollection().AddLogging().AddTribeSsoMembers(root.GetSection("TribeSso"));
        services.Configure<TribeMembersClientOptions>(_ =>
        {
            if (fail)
            {
                throw new InvalidOperationException("value 'hunter2' is wrong");
            }
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<TribeMembersClient>();
        var members = provider.GetRequiredKeyedService<TribeMembersCommunity>(Options.DefaultName);

        fail = true;
        configuration.Reload("TribeSso:Members:ClientSecret", MembersHost.RotatedSecret);

        members.Problem.Should().Be("TribeSso:Members could not be read: configuring the settings threw InvalidOperationException.");
        provider.GetRequiredService<TribeMembersClient>().Should().BeSameAs(client);
    }

    [Test]
    public void Reload_OfAnotherConfiguration_IsNotThisClientsChange()
    {
        var defaults = new ReloadableConfiguration(MembersHost.Settings());
        var acme = new ReloadableConfiguration(MembersHost.Settings());
        var services = new ServiceCollection().AddLogging()
            .AddTribeSsoMembers(new ConfigurationBuilder().Add(defaults).Build().GetSection("TribeSso"))
            .AddTribeSsoMembers("acme", new ConfigurationBuilder().Add(acme).Build().GetSection("Communities:acme"));
        using var provider = services.BuildServiceProvider();
        var before = provider.GetRequiredService<TribeMembersClient>();

        defaults.Reload("TribeSso:Members:ClientSecret", MembersHost.RotatedSecret);

        provider.GetRequiredService<TribeMembersClient>().Should().NotBeSameAs(before, "the default client follows its own configuration");
        provider.GetRequiredKeyedService<TribeMembersClient>("acme").Should().BeSameAs(provider.GetRequiredKeyedService<TribeMembersClient>("acme"));
    }

    [Test]
    public async Task Dispose_StopsFollowingTheConfiguration()
    {
        var configuration = new ReloadableConfiguration(MembersHost.Settings());
        var provider = new ServiceCollection().AddLogging().AddTribeSsoMembers(new ConfigurationBuilder().Add(configuration).Build().GetSection("TribeSso")).BuildServiceProvider();
        var members = provider.GetRequiredKeyedService<TribeMembersCommunity>(Options.DefaultName);
        var client = members.Client;

        await provider.DisposeAsync();
        configuration.Reload("TribeSso:Members:ClientSecret", MembersHost.RotatedSecret);

        members.Client.Should().BeSameAs(client);
    }

    [Test]
    public async Task Dispose_DisposesTheClientInUse_SoItFetchesNoMoreTokens()
    {
        var (host, _, recorder, _) = MembersHost.Build(MembersHost.Settings());
        // Read from the holder, not resolved: the container disposes what it resolves itself.
        var client = host.Services.GetRequiredKeyedService<TribeMembersCommunity>(Options.DefaultName).Client;

        host.Dispose();
        var find = () => client.FindByExternalIdAsync("42");

        await find.Should().ThrowAsync<OperationCanceledException>();
        recorder.Requests.Should().BeEmpty("a disposed client cancels its token request before it is sent");
    }

    [Test]
    public void SecondRegistration_OfTheDefaultCommunity_IsRefused()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        services.AddTribeSsoMembers(configuration.GetSection("TribeSso"));

        var again = () => services.AddTribeSsoMembers(configuration.GetSection("TribeSso"));

        again.Should().Throw<InvalidOperationException>().WithMessage(
            "The default Tribe SSO community's members client is already registered. Call AddTribeSsoMembers(section) once, and AddTribeSsoMembers(name, section) for each other community.");
    }

    [TestCase(true)]
    [TestCase(false)]
    public void NamedHttpClient_OnTheApplicationsHttpClientHandler_FollowsNoRedirect_Either(bool handlerConfiguredFirst)
    {
        var services = new ServiceCollection();
        if (handlerConfiguredFirst)
        {
            services.AddHttpClient(TribeSsoMembersServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler());
        }

        services.AddTribeSsoMembers(new ConfigurationBuilder().Build().GetSection("TribeSso"));
        if (!handlerConfiguredFirst)
        {
            services.AddHttpClient(TribeSsoMembersServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler());
        }

        using var provider = services.BuildServiceProvider();

        HttpMessageHandler handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(TribeSsoMembersServiceCollectionExtensions.HttpClientName);
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler!;
        }

        handler.Should().BeOfType<HttpClientHandler>().Which.AllowAutoRedirect.Should().BeFalse();
    }

    [Test]
    public void Validator_PassesValidSettings_AndSkipsOptionsOfNoClient()
    {
        var (host, _, _, _) = MembersHost.Build(MembersHost.Settings());
        using var _ = host;
        var validator = new TribeMembersOptionsValidator(host.Services);
        var valid = host.Services.GetRequiredService<IOptionsMonitor<TribeMembersClientOptions>>().Get(Options.DefaultName);

        validator.Validate(Options.DefaultName, valid).Succeeded.Should().BeTrue();
        validator.Validate("other", new TribeMembersClientOptions()).Skipped.Should().BeTrue();
        host.Services.GetRequiredService<IOptionsMonitor<TribeMembersClientOptions>>().Get("other").ClientId.Should().BeNull("options of a name no client has are not validated");
    }

    [Test]
    public void Binding_ThatFailsOtherwiseThanAConversion_NamesTheSectionAndTheExceptionType()
    {
        TribeMembersBinding.Describe(new InvalidOperationException("Cannot create instance of type 'X'."), "TribeSso:Members")
            .Should().Be("TribeSso:Members could not be bound (InvalidOperationException).");
        TribeSsoCommunityBinding.Describe(new InvalidOperationException("Cannot create instance of type 'X'."), "TribeSso")
            .Should().Be("TribeSso could not be bound (InvalidOperationException).");
    }
}
