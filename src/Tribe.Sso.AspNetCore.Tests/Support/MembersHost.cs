using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>
/// A host with the default community's and acme's members clients, whose settings come from a
/// <see cref="ReloadableConfiguration"/> and whose HttpClients send to a <see cref="CredentialsRecorder"/>.
/// </summary>
internal static class MembersHost
{
    public const string Secret = "sso-members-secret-one";
    public const string RotatedSecret = "sso-members-secret-two";
    public const string AcmeSecret = "acme-members-secret";

    public static Dictionary<string, string?> Settings() => new()
    {
        ["TribeSso:Members:ApiUrl"] = "https://eu.api.example.com/graphql",
        ["TribeSso:Members:NetworkId"] = "NET1",
        ["TribeSso:Members:ClientId"] = "app-1",
        ["TribeSso:Members:ClientSecret"] = Secret,
        ["TribeSso:Members:MaxAttempts"] = "1",
        ["Communities:acme:Members:NetworkId"] = "ACME",
        ["Communities:acme:Members:ClientId"] = "acme-app",
        ["Communities:acme:Members:ClientSecret"] = AcmeSecret,
        ["Communities:acme:Members:MaxAttempts"] = "1",
    };

    public static (IHost Host, ReloadableConfiguration Configuration, CredentialsRecorder Recorder, FakeLogCollector Logs) Build(IDictionary<string, string?> settings)
    {
        var configuration = new ReloadableConfiguration(settings);
        var recorder = new CredentialsRecorder();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        ((IConfigurationBuilder)builder.Configuration).Add(configuration);
        builder.Logging.AddFakeLogging();
        builder.Services.AddTribeSsoMembers(builder.Configuration.GetSection("TribeSso"));
        builder.Services.AddTribeSsoMembers("acme", builder.Configuration.GetSection("Communities:acme"));
        foreach (var name in new[] { TribeSsoMembersServiceCollectionExtensions.HttpClientName, TribeSsoMembersServiceCollectionExtensions.HttpClientNameFor("acme") })
        {
            builder.Services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(() => recorder);
        }

        var host = builder.Build();
        return (host, configuration, recorder, host.Services.GetRequiredService<FakeLogCollector>());
    }
}

/// <summary>Records each request's URL and Basic credentials, and answers as the community does to bad credentials (code 108).</summary>
internal sealed class CredentialsRecorder : HttpMessageHandler
{
    public ConcurrentQueue<(Uri Url, string Credentials)> Requests { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var parameter = request.Headers.Authorization?.Parameter;
        Requests.Enqueue((request.RequestUri!, parameter is null ? string.Empty : Encoding.UTF8.GetString(Convert.FromBase64String(parameter))));
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("{\"data\":null,\"errors\":[{\"message\":\"Invalid credentials\",\"code\":\"108\"}]}", Encoding.UTF8, "application/json"),
        });
    }
}
