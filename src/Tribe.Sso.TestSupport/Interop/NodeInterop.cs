using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;

namespace Tribe.Sso.TestSupport;

/// <summary>
/// Runs the helpers in <c>interop/</c> (Node's jsonwebtoken and jose, the community's own GraphQL client). Installs them with <c>npm ci</c> from the
/// committed lock file on first use; fails with install instructions when Node.js is missing, never skips.
/// </summary>
public static class NodeInterop
{
    private static readonly Lazy<string> Directory = new(Prepare, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Verifies tokens with both libraries; one result object per token.</summary>
    public static JsonArray Verify(string key, long now, params string[] tokens)
    {
        var input = new JsonObject { ["key"] = key, ["now"] = now, ["tokens"] = new JsonArray(Array.ConvertAll(tokens, t => (JsonNode?)t)) };
        return (JsonArray)Run("verify.mjs", input)["results"]!;
    }

    /// <summary>Signs each claims object with jsonwebtoken, as Tribe's Node sample does.</summary>
    public static string[] Sign(string key, params JsonObject[] claims)
    {
        var input = new JsonObject { ["key"] = key, ["claims"] = new JsonArray(Array.ConvertAll(claims, c => (JsonNode?)c)) };
        var tokens = (JsonArray)Run("sign.mjs", input)["tokens"]!;
        return tokens.Select(t => t!.GetValue<string>()).ToArray();
    }

    /// <summary>Verifies captured webhook deliveries with Node's crypto (<c>interop/webhook-signature.mjs</c>); one verdict per delivery.</summary>
    public static bool[] VerifyWebhooks(string secret, params (string Signature, string Timestamp, byte[] Body)[] deliveries)
    {
        var list = new JsonArray(Array.ConvertAll(deliveries, d => (JsonNode?)new JsonObject { ["signature"] = d.Signature, ["timestamp"] = d.Timestamp, ["body"] = Convert.ToBase64String(d.Body) }));
        var results = (JsonArray)Run("webhook-signature.mjs", new JsonObject { ["secret"] = secret, ["deliveries"] = list })["results"]!;
        return results.Select(r => r!["valid"]!.GetValue<bool>()).ToArray();
    }

    /// <summary>
    /// Runs the community's own Node client, <c>@tribeplatform/gql-client</c>, unchanged against a gateway
    /// (<c>interop/gql-client.mjs</c>; the package's entry points are TypeScript, so it runs under tsx).
    /// </summary>
    public static JsonNode GqlClient(JsonObject input) => Run("--import tsx gql-client.mjs", input);

    /// <summary>
    /// What graphql-js 16, the reference implementation, says of each request on a schema (<c>interop/graphql-reference.mjs</c>):
    /// input <c>{ sdl, cases: [{ query, variables, operationName }] }</c>, one result per case with its phase and errors.
    /// </summary>
    public static JsonNode GraphQlReference(JsonObject input) => Run("graphql-reference.mjs", input);

    /// <summary>Checks conformance/tokens.json and redirects.json with interop/conformance.mjs; one result per vector, with its problems.</summary>
    public static JsonArray CheckConformance()
    {
        var (exitCode, stdout, stderr) = Execute("node", "conformance.mjs ../conformance", null, Directory.Value);
        if (exitCode != 0)
        {
            Assert.Fail($"node conformance.mjs failed with exit code {exitCode}: {stderr}");
        }

        return (JsonArray)JsonNode.Parse(stdout)!["results"]!;
    }

    /// <summary>Signs each webhook delivery with node:crypto (<c>interop/webhooks.mjs sign</c>); one lowercase hex signature per delivery.</summary>
    public static string[] SignWebhooks(string secret, params (string Timestamp, byte[] Body)[] deliveries)
    {
        var items = new JsonArray(Array.ConvertAll(deliveries, d => (JsonNode?)new JsonObject { ["timestamp"] = d.Timestamp, ["body"] = Convert.ToBase64String(d.Body) }));
        var signatures = (JsonArray)Run("webhooks.mjs sign", new JsonObject { ["secret"] = secret, ["deliveries"] = items })["signatures"]!;
        return signatures.Select(s => s!.GetValue<string>()).ToArray();
    }

    /// <summary>Replays conformance/webhooks.json through the Node receiver of <c>interop/webhooks.mjs</c>; one result per vector, with its problems.</summary>
    public static JsonArray CheckWebhookConformance()
    {
        var (exitCode, stdout, stderr) = Execute("node", "webhooks.mjs receive ../conformance", null, Directory.Value);
        if (exitCode != 0)
        {
            Assert.Fail($"node webhooks.mjs receive failed with exit code {exitCode}: {stderr}");
        }

        return (JsonArray)JsonNode.Parse(stdout)!["results"]!;
    }

    private static JsonNode Run(string script, JsonObject input)
    {
        var (exitCode, stdout, stderr) = Execute("node", script, input.ToJsonString(), Directory.Value);
        if (exitCode != 0)
        {
            Assert.Fail($"node {script} failed with exit code {exitCode}: {stderr}");
        }

        return JsonNode.Parse(stdout)!;
    }

    private static string Prepare()
    {
        var directory = Path.Combine(Repository.Root, "interop");
        var (nodeExit, nodeVersion, _) = TryExecute("node", "--version", null, directory);
        if (nodeExit != 0)
        {
            Assert.Fail("These interoperability tests need Node.js 20 or later on PATH. Install it (Debian: apt-get install nodejs npm; elsewhere: https://nodejs.org) and run dotnet test again.");
        }

        TestContext.Progress.WriteLine("Interop with Node " + nodeVersion.Trim());

        // Both builds of the suite may start at once: one npm ci at a time, and only when the modules are missing.
        using var gate = AcquireLock(Path.Combine(directory, ".npm-ci.lock"));
        if (!File.Exists(Path.Combine(directory, "node_modules", "jsonwebtoken", "package.json")) ||
            !File.Exists(Path.Combine(directory, "node_modules", "jose", "package.json")) ||
            !File.Exists(Path.Combine(directory, "node_modules", "@tribeplatform", "gql-client", "package.json")) ||
            !File.Exists(Path.Combine(directory, "node_modules", "tsx", "package.json")) ||
            !File.Exists(Path.Combine(directory, "node_modules", "graphql16", "package.json")))
        {
            var (exitCode, stdout, stderr) = Execute("npm", "ci --no-audit --no-fund", null, directory);
            if (exitCode != 0)
            {
                Assert.Fail($"npm ci in {directory} failed ({exitCode}); run it by hand to see why: {stdout} {stderr}");
            }
        }

        return directory;
    }

    private static FileStream AcquireLock(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 600)
            {
                Thread.Sleep(200);
            }
        }
    }

    private static (int ExitCode, string Stdout, string Stderr) Execute(string file, string arguments, string? stdin, string directory)
    {
        var result = TryExecute(file, arguments, stdin, directory);
        return result.ExitCode == -1 && result.Stderr.StartsWith("not found", StringComparison.Ordinal)
            ? throw new InvalidOperationException(file + " was not found on PATH.")
            : result;
    }

    private static (int ExitCode, string Stdout, string Stderr) TryExecute(string file, string arguments, string? stdin, string directory)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        try
        {
            using var process = Process.Start(start)!;
            var stdoutTask = process.StandardOutput.ReadToEndAsync();
            var stderrTask = process.StandardError.ReadToEndAsync();
            using (var writer = new StreamWriter(process.StandardInput.BaseStream, new UTF8Encoding(false)))
            {
                writer.Write(stdin ?? string.Empty);
            }

            if (!process.WaitForExit(180_000))
            {
                process.Kill(entireProcessTree: true);
                return (-2, string.Empty, file + " " + arguments + " timed out after 180 s");
            }

            return (process.ExitCode, stdoutTask.Result, stderrTask.Result);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (-1, string.Empty, "not found: " + file);
        }
    }

    public static JsonElement AsElement(JsonNode node) => JsonSerializer.Deserialize<JsonElement>(node.ToJsonString());
}
