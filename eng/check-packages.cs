// Checks the packed .nupkg files the way a consumer meets them:
//   every Tribe.Sso assembly inside is strong-named with eng/Tribe.Sso.snk;
//   the package page is the package's own README (headed with its id), every link in it absolute (nuget.org has no
//   repository to resolve a relative one against), no repository-only instructions;
//   it has a PNG icon and release notes pointing at the changelog.
// Usage: dotnet run eng/check-packages.cs -- <folder with .nupkg files>
// Prints "ok: ..." or "FAILED: ..." per package and check; exit code 1 when anything failed.
using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

var feed = args.Length == 1 ? args[0] : throw new ArgumentException("Pass the folder that holds the .nupkg files.");
var here = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? throw new InvalidOperationException("Run this file with dotnet run.");
var root = Path.GetFullPath(Path.Combine(here, ".."));
var expectedToken = Token(PublicKey(File.ReadAllBytes(Path.Combine(root, "eng", "Tribe.Sso.snk"))));
var failures = 0;

void Report(bool ok, string text)
{
    Console.WriteLine((ok ? "ok: " : "FAILED: ") + text);
    if (!ok)
    {
        failures++;
    }
}

var packages = Directory.GetFiles(feed, "*.nupkg").Order(StringComparer.Ordinal).ToArray();
Report(packages.Length > 0, $"{packages.Length} packages in {feed}");
foreach (var path in packages)
{
    var package = Path.GetFileName(path);
    using var zip = ZipFile.OpenRead(path);
    var ours = zip.Entries
        .Where(e => e.FullName.StartsWith("lib/", StringComparison.Ordinal) || e.FullName.StartsWith("tools/", StringComparison.Ordinal))
        .Where(e => e.Name.EndsWith(".dll", StringComparison.Ordinal)
                    && (e.Name.StartsWith("Tribe.Sso", StringComparison.Ordinal) || e.Name.StartsWith("tribe-sso", StringComparison.Ordinal)))
        .ToArray();
    Report(ours.Length > 0, $"{package} holds Tribe.Sso assemblies ({ours.Length})");
    foreach (var entry in ours)
    {
        var token = AssemblyToken(entry);
        Report(token == expectedToken, $"{package}: {entry.FullName} public key token {(token.Length == 0 ? "none" : token)} (expected {expectedToken})");
    }

    var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).Root!;
    string? Meta(string name) => nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
    var id = Meta("id");

    var readme = Text(zip, Meta("readme"));
    Report(readme is not null, $"{package}: the nuspec names a README that is in the package ({Meta("readme") ?? "none"})");
    if (readme is not null)
    {
        Report(readme.StartsWith($"# {id}\n", StringComparison.Ordinal), $"{package}: the README is the package's own (it starts with \"# {id}\")");
        var relative = Regex.Matches(readme, @"\]\(([^)\s]*)|(?:href|src)=""([^""]*)""")
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            .Where(target => !target.StartsWith("https://", StringComparison.Ordinal))
            .ToArray();
        Report(relative.Length == 0, $"{package}: every README link is absolute{(relative.Length == 0 ? "" : ": not " + string.Join(", ", relative))}");
        Report(!readme.Contains("eng/", StringComparison.Ordinal), $"{package}: the README has no repository-only instructions (eng/ scripts)");
    }

    var icon = Meta("icon");
    var iconEntry = icon is null ? null : zip.GetEntry(icon);
    Report(iconEntry is not null && IsPng(iconEntry), $"{package}: a PNG icon in the package ({icon ?? "none"})");
    Report(Meta("releaseNotes") == "https://github.com/tribe-sso/Tribe.Sso/blob/main/CHANGELOG.md", $"{package}: release notes point at the changelog ({Meta("releaseNotes") ?? "none"})");
}

Console.WriteLine($"packages: {failures} failed");
return failures == 0 ? 0 : 1;

static string? Text(ZipArchive zip, string? path)
{
    var entry = path is null ? null : zip.GetEntry(path);
    if (entry is null)
    {
        return null;
    }

    using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
    return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
}

static bool IsPng(ZipArchiveEntry entry)
{
    var signature = new byte[8];
    using var stream = entry.Open();
    stream.ReadExactly(signature);
    return signature.SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
}

static string AssemblyToken(ZipArchiveEntry entry)
{
    using var stream = new MemoryStream();
    using (var source = entry.Open())
    {
        source.CopyTo(stream);
    }
    stream.Position = 0;
    using var pe = new PEReader(stream);
    var reader = pe.GetMetadataReader();
    var key = reader.GetBlobBytes(reader.GetAssemblyDefinition().PublicKey);
    return key.Length == 0 ? "" : Token(key);
}

// The public half of an SNK key pair, as a strong name records it: a PublicKeyBlob around the RSA public key.
static byte[] PublicKey(byte[] snk)
{
    var bits = BitConverter.ToInt32(snk, 12);
    using var blob = new MemoryStream();
    using var writer = new BinaryWriter(blob);
    writer.Write(0x00002400); writer.Write(0x00008004); writer.Write(20 + bits / 8);
    writer.Write(new byte[] { 0x06, 0x02, 0, 0 }); writer.Write(0x00002400);
    writer.Write(0x31415352); writer.Write(bits); writer.Write(snk, 16, 4); writer.Write(snk, 20, bits / 8);
    writer.Flush();
    return blob.ToArray();
}

#pragma warning disable CA5350 // SHA-1 is what strong names use for the token; nothing here is a security decision.
static string Token(byte[] publicKey) => Convert.ToHexString(SHA1.HashData(publicKey)[^8..].Reverse().ToArray()).ToLowerInvariant();
#pragma warning restore CA5350
