using System;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tribe.Sso.ConformanceGenerator;

// Writes conformance/tokens.json, refusals.json, redirects.json and webhooks.json from the SDK itself (docs/conformance.md).
//   dotnet run --project eng/ConformanceGenerator [-- <output directory>]
var output = args.Length > 0 ? args[0] : Path.Combine(FindRoot(), "conformance");
Directory.CreateDirectory(output);
Write(Path.Combine(output, "tokens.json"), TokenVectors.Generate());
Write(Path.Combine(output, "refusals.json"), RefusalVectors.Generate());
Write(Path.Combine(output, "redirects.json"), RedirectVectors.Generate());
Write(Path.Combine(output, "webhooks.json"), WebhookVectors.Generate());
Console.WriteLine("Wrote the conformance vectors to " + output);
return 0;

static void Write(string path, JsonObject document)
{
    var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    File.WriteAllText(path, document.ToJsonString(options).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
}

static string FindRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Tribe.Sso.sln")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("Run the generator from inside the repository, or pass the output directory.");
}
