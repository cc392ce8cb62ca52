using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;

namespace Tribe.Sso.TestSupport;

/// <summary>
/// <c>tribe-sso community</c> as a partner's test suite runs it: a real process on a free loopback port, found through
/// its ready line, stopped with SIGTERM as a CI job would.
/// </summary>
public sealed class CommunitySimulatorProcess : IDisposable
{
    private const string ReadyLine = "Tribe community simulator listening on ";

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private CommunitySimulatorProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = url };
    }

    public Uri Url { get; }

    /// <summary>A browser-like client: keeps the community's session cookie, does not follow redirects.</summary>
    public HttpClient Client { get; }

    public string Stdout => _stdout.ToString();

    public string Stderr => _stderr.ToString();

    /// <param name="cliAssembly">The built tribe-sso.dll; test projects record its path as AssemblyMetadata "CliAssembly".</param>
    /// <param name="key">The community's key, passed as TRIBE_SSO_PRIVATE_KEY.</param>
    /// <param name="args">More options of the community command.</param>
    public static CommunitySimulatorProcess Start(string cliAssembly, string key, params string[] args)
        => Start(cliAssembly, key, new Dictionary<string, string>(), args);

    /// <param name="cliAssembly">The built tribe-sso.dll.</param>
    /// <param name="key">The community's key, passed as TRIBE_SSO_PRIVATE_KEY.</param>
    /// <param name="environment">More environment variables, such as TRIBE_API_CLIENT_SECRET.</param>
    /// <param name="args">More options of the community command.</param>
    public static CommunitySimulatorProcess Start(string cliAssembly, string key, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(cliAssembly);
        start.ArgumentList.Add("community");
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TRIBE_SSO_PRIVATE_KEY"] = key;
        start.Environment.Remove("TRIBE_API_CLIENT_SECRET");
        start.Environment.Remove("TRIBE_WEBHOOK_SIGNING_SECRET");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var ready = process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(30)) || ready.Result is not { } line || !line.StartsWith(ReadyLine, StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("tribe-sso community did not print its ready line in 30 s; stderr: " + (stderr.Wait(1000) ? stderr.Result : string.Empty));
            throw new InvalidOperationException();
        }

        var simulator = new CommunitySimulatorProcess(process, new Uri(line.Substring(ReadyLine.Length)));
        simulator._stdout.Append(line).Append('\n');
        _ = stderr.ContinueWith(t => simulator._stderr.Append(t.Result), TaskScheduler.Default);
        return simulator;
    }

    public async Task<(HttpStatusCode Status, string Body, string? Location)> GetAsync(string pathAndQuery)
    {
        using var response = await Client.GetAsync(new Uri(pathAndQuery, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString);
    }

    /// <summary>POSTs a JSON body, with an <c>Authorization</c> header when given (the API at /api/gateway).</summary>
    public async Task<(HttpStatusCode Status, string Body, string? RetryAfter)> PostAsync(string path, string json, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.RetryAfter?.ToString());
    }

    /// <summary>Stops the process with SIGTERM and returns its exit code.</summary>
    public int Stop()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", new[] { "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            kill.WaitForExit();
            if (!_process.WaitForExit(20_000))
            {
                _process.Kill(entireProcessTree: true);
                Assert.Fail("tribe-sso community did not stop within 20 s of SIGTERM");
            }
        }

        _stdout.Append(_process.StandardOutput.ReadToEnd());
        return _process.ExitCode;
    }

    public void Dispose()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
