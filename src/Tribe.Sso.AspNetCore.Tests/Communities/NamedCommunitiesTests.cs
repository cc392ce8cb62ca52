using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Tribe.Sso.Testing;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>Several communities in one application: registration, keyed issuers, ForCommunity and start-up validation.</summary>
public class NamedCommunitiesTests
{
    [Test]
    public async Task ThreeCommunities_OverRealHttp_EachLinkGoesToItsCommunity_SignedWithItsOwnKeyOnly()
    {
        await using var app = await CommunitiesApp.StartAsync();

        var links = new Dictionary<string, (Uri Link, string Key)>
        {
            ["default"] = (await app.LinkFromAsync("/community/sso?redirect=/answers"), TestKeys.Primary),
            ["acme"] = (await app.LinkFromAsync("/acme/sso?redirect=/answers"), CommunitiesApp.AcmeKey),
            ["beta"] = (await app.LinkFromAsync("/beta/sso?redirect=/answers"), CommunitiesApp.BetaKey),
        };

        links["default"].Link.AbsoluteUri.Should().StartWith("https://community.example.com/auth/sso?jwt=");
        links["acme"].Link.AbsoluteUri.Should().StartWith("https://acme.example.com/auth/sso?jwt=");
        links["beta"].Link.AbsoluteUri.Should().StartWith("https://beta.example.com/community/api/auth/sso?jwt=").And.EndWith("&redirect_uri=/answers");
        foreach (var (community, (link, key)) in links)
        {
            var signIn = new InMemoryTribeCommunity(TribeSsoKey.FromString(key), app.Clock).SignIn(link);
            signIn.Outcome.Should().Be(TribeSsoSignInOutcome.Created, community);
            signIn.RedirectPath.Should().Be("/answers", community);
            foreach (var (other, (_, otherKey)) in links)
            {
                app.Read(link, otherKey).SignatureStatus.Should().Be(other == community ? TribeSsoSignatureStatus.Valid : TribeSsoSignatureStatus.Invalid, community + " read with the key of " + other);
            }
        }
    }

    [Test]
    public async Task NamedIssuer_IsTheKeyedService_TheDefaultIsThePlainService()
    {
        await using var app = await CommunitiesApp.StartAsync();
        app.App.Services.GetRequiredService<IServiceProviderIsKeyedService>().IsKeyedService(typeof(TribeSsoIssuer), "acme").Should().BeTrue();

        var services = app.App.Services;

        services.GetRequiredService<TribeSsoIssuer>().CommunityUrl.Host.Should().Be("community.example.com");
        services.GetRequiredKeyedService<TribeSsoIssuer>("acme").CommunityUrl.Host.Should().Be("acme.example.com");
        services.GetRequiredKeyedService<TribeSsoIssuer>("beta").SsoPath.Should().Be("/api/auth/sso");
        services.GetKeyedService<TribeSsoIssuer>("gamma").Should().BeNull();
    }

    [Test]
    public async Task FromKeyedServices_InAMinimalApiHandler_GetsTheNamedIssuer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(CommunitiesApp.Settings());
        builder.Services.AddTribeSso(builder.Configuration.GetSection("TribeSso"));
        builder.Services.AddTribeSso("acme", builder.Configuration.GetSection("Communities:acme"));
        await using var app = builder.Build();
        app.MapGet("/hosts", ([FromKeyedServices("acme")] TribeSsoIssuer acme, TribeSsoIssuer defaultIssuer) => acme.CommunityUrl.Host + " " + defaultIssuer.CommunityUrl.Host);
        await app.StartAsync();
        using var client = PartnerApp.CreateClient(app);

        var hosts = await client.GetStringAsync("/hosts");

        hosts.Should().Be("acme.example.com community.example.com");
        await app.StopAsync();
    }

    [Test]
    public void DelegateOverload_RegistersAKeyedIssuer()
    {
        using var provider = new ServiceCollection()
            .AddTribeSso("acme", s => { s.CommunityUrl = new Uri("https://acme.example.com"); s.PrivateKey = CommunitiesApp.AcmeKey; })
            .BuildServiceProvider();

        var issuer = provider.GetRequiredKeyedService<TribeSsoIssuer>("acme");

        new InMemoryTribeCommunity(TribeSsoKey.FromString(CommunitiesApp.AcmeKey)).SignIn(issuer.CreateLoginUrl(TribeSsoUser.Create("42", "Jane", "jane@example.com").Build()))
            .Outcome.Should().Be(TribeSsoSignInOutcome.Created);
        provider.GetService<TribeSsoIssuer>().Should().BeNull("only a named community is registered");
    }

    [TestCase("Communities:acme:PrivateKey", null, "Communities:acme:PrivateKey is not set. Store the key of the community's \"JWT SSO\" app in user secrets (dotnet user-secrets set \"Communities:acme:PrivateKey\" \"<key>\"), the environment variable Communities__acme__PrivateKey, or your secret store.")]
    [TestCase("Communities:acme:PrivateKey", TestKeys.Short, "Communities:acme:PrivateKey is unusable. The SSO private key is 20 UTF-8 bytes long; HS256 requires at least 32 bytes*(In configuration, the opt-in is Communities:acme:AllowShortPrivateKey = true.)")]
    [TestCase("Communities:acme:CommunityUrl", "http://acme.example.com", "Communities:acme:CommunityUrl is invalid. Option 'CommunityUrl' uses the scheme 'http'*")]
    [TestCase("Communities:acme:TokenLifetime", "00:20:00", "Communities:acme:TokenLifetime is invalid.*")]
    [TestCase("Communities:acme:AllowShortPrivateKey", "yes please", "Communities:acme:AllowShortPrivateKey is invalid. It cannot be read as System.Boolean; write a TimeSpan as 00:01:00 and a flag as true or false.")]
    public async Task InvalidNamedCommunity_FailsAtStartUp_NamingTheCommunityAndTheSettingNotTheKey(string key, string? value, string message)
    {
        var settings = CommunitiesApp.Settings();
        settings[key] = value;
        await using var app = CommunitiesApp.Build(new ReloadableConfiguration(settings), new FakeLogCollector(), TestClock.Create());

        var start = () => app.StartAsync();

        var exception = (await start.Should().ThrowAsync<OptionsValidationException>()).Which;
        exception.OptionsName.Should().Be("acme");
        exception.Message.Should().Match(message);
        exception.Message.Should().NotContain(TestKeys.Short).And.NotContain(CommunitiesApp.AcmeKey).And.NotContain(TestKeys.Primary);
    }

    [Test]
    public void SectionPathWithoutTheName_MessageNamesTheCommunityToo()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Brands:0:CommunityUrl"] = "https://acme.example.com" }).Build();
        using var provider = new ServiceCollection().AddTribeSso("acme", configuration.GetSection("Brands:0")).BuildServiceProvider();

        var resolve = () => provider.GetRequiredKeyedService<TribeSsoIssuer>("acme");

        resolve.Should().Throw<OptionsValidationException>().WithMessage("Tribe SSO community 'acme': Brands:0:PrivateKey is not set.*");
    }

    [Test]
    public void NamedDelegateOverload_MessageNamesTheCommunity()
    {
        using var provider = new ServiceCollection().AddTribeSso("acme", s => s.CommunityUrl = new Uri("https://acme.example.com")).BuildServiceProvider();

        var resolve = () => provider.GetRequiredService<IOptionsMonitor<TribeSsoCommunityOptions>>().Get("acme");

        resolve.Should().Throw<OptionsValidationException>().WithMessage("TribeSsoCommunityOptions[acme]:PrivateKey is not set*");
    }

    [Test]
    public void SameNameTwice_IsRefused()
    {
        var services = new ServiceCollection().AddTribeSso("acme", s => { });

        var again = () => services.AddTribeSso("acme", new ConfigurationBuilder().Build());

        again.Should().Throw<InvalidOperationException>().WithMessage("A Tribe SSO community named 'acme' is already registered. Call AddTribeSso(name, …) once per community, each with its own name.");
    }

    [Test]
    public void DefaultCommunityTwice_IsRefused()
    {
        var services = new ServiceCollection().AddTribeSso(new ConfigurationBuilder().Build().GetSection("TribeSso"));

        var again = () => services.AddTribeSso(s => { });

        again.Should().Throw<InvalidOperationException>().WithMessage("The default Tribe SSO community is already registered.*");
    }

    [TestCase("")]
    [TestCase(" ")]
    [TestCase("acme eu")]
    [TestCase("acme:eu")]
    [TestCase("acme/eu")]
    [TestCase("café")]
    [TestCase("a12345678901234567890123456789012345678901234567890123456789012345")]
    public void BadName_IsRefusedWithTheRule(string name)
    {
        var add = () => new ServiceCollection().AddTribeSso(name, s => { });

        add.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("name");
    }

    [TestCase("acme")]
    [TestCase("brand-eu.2_b")]
    [TestCase("5f1c0e8b-9d3e-4a00-1234-567890abcdef")]
    public void GoodName_IsAccepted_AndItsKeyedIssuerSignsForThatCommunity(string name)
    {
        using var provider = new ServiceCollection()
            .AddTribeSso(name, s => { s.CommunityUrl = new Uri("https://acme.example.com"); s.PrivateKey = CommunitiesApp.AcmeKey; })
            .BuildServiceProvider();

        var issuer = provider.GetRequiredKeyedService<TribeSsoIssuer>(name);

        issuer.CommunityUrl.Host.Should().Be("acme.example.com");
        new InMemoryTribeCommunity(TribeSsoKey.FromString(CommunitiesApp.AcmeKey)).SignIn(issuer.CreateLoginUrl(TribeSsoUser.Create("42", "Jane", "jane@example.com").Build()))
            .Outcome.Should().Be(TribeSsoSignInOutcome.Created);
    }

    [Test]
    public void BadName_MessageSaysWhatIsAllowed()
    {
        var add = () => new ServiceCollection().AddTribeSso("acme eu", s => { });

        add.Should().Throw<ArgumentException>().WithMessage("The community name 'acme eu' is not valid: use 1 to 64 ASCII letters, digits, '-', '_' or '.', such as \"acme\" or \"brand-eu\". (Parameter 'name')");
    }

    [Test]
    public async Task ForCommunity_UnknownName_FailsWhenTheEndpointIsMapped()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(CommunitiesApp.Settings());
        builder.Services.AddTribeSso("acme", builder.Configuration.GetSection("Communities:acme"));
        builder.Services.AddTribeSso("beta", builder.Configuration.GetSection("Communities:beta"));
        await using var app = builder.Build();

        var map = () => app.MapTribeSso("/gamma/sso").ForCommunity("gamma");

        map.Should().Throw<InvalidOperationException>().WithMessage(
            "No Tribe SSO community named 'gamma' is registered (registered: 'acme', 'beta'). Register it before builder.Build(): builder.Services.AddTribeSso(\"gamma\", builder.Configuration.GetSection(\"Communities:gamma\")).");
    }

    [Test]
    public async Task ForCommunity_UnknownName_ListsTheNamedCommunitiesOnly()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddTribeSso(s => { });
        builder.Services.AddTribeSso("acme", s => { });
        await using var app = builder.Build();

        var map = () => app.MapTribeSso("/gamma/sso").ForCommunity("gamma");

        map.Should().Throw<InvalidOperationException>().WithMessage("No Tribe SSO community named 'gamma' is registered (registered: 'acme"+"'). Register it *");
    }

    [Test]
    public async Task ForCommunity_UnknownName_WithOnlyTheDefaultCommunity_SaysNoNamedOneIs()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddTribeSso(s => { });
        await using var app = builder.Build();

        var map = () => app.MapTribeSso("/gamma/sso").ForCommunity("gamma");

        map.Should().Throw<InvalidOperationException>().WithMessage("No Tribe SSO community named 'gamma' is registered (no named community is). Register it *");
    }

    [Test]
    public async Task MapTribeSso_WithoutACommunityName_IsNamedGoToCommunity()
    {
        await using var app = WebApplication.CreateSlimBuilder().Build();
        app.MapTribeSso("/community/sso");

        ((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)app).DataSources.Single().Endpoints.Single().DisplayName.Should().Be("Tribe SSO: go to community");
    }

    [Test]
    public async Task ForCommunity_Twice_IsRefused()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddTribeSso("acme", s => { });
        builder.Services.AddTribeSso("beta", s => { });
        await using var app = builder.Build();

        var map = () => app.MapTribeSso("/x").ForCommunity("acme").ForCommunity("beta");

        map.Should().Throw<InvalidOperationException>().WithMessage("This endpoint already sends its users to the community 'acme'. Call ForCommunity once per endpoint.");
    }

    [Test]
    public async Task ForCommunity_ComposesWithOtherConventions_AndNamesTheEndpoint()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddAuthorization();
        builder.Services.AddTribeSso("acme", s => { });
        await using var app = builder.Build();
        app.MapTribeSso("/acme/sso").RequireAuthorization("members").ForCommunity("acme").WithName("acme-sso");

        var endpoint = ((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)app).DataSources.Single().Endpoints.Single();

        endpoint.DisplayName.Should().Be("Tribe SSO: go to community 'acme'");
        endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>()!.Policy.Should().Be("members");
        endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IEndpointNameMetadata>()!.EndpointName.Should().Be("acme-sso");
    }
}
