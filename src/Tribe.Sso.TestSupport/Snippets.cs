using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Tribe.Sso.TestSupport;

/// <summary>Compiled code regions that README.md shows verbatim.</summary>
public static class Snippets
{
    public static string Readme() => File.ReadAllText(Path.Combine(Repository.Root, "README.md")).Replace("\r\n", "\n");

    /// <summary>The lines between <c>#region name</c> and <c>#endregion</c>, with the common indentation removed.</summary>
    public static string Region(string file, string name)
    {
        var text = File.ReadAllText(file).Replace("\r\n", "\n");
        var match = Regex.Match(text, @"#region " + name + @"\n(?<body>.*?)\n[ \t]*#endregion", RegexOptions.Singleline);
        if (!match.Success)
        {
            Assert.Fail($"{file} has no region {name}");
        }

        var lines = match.Groups["body"].Value.Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Concat(lines.Select(l => (l.Length >= indent ? l.Substring(indent) : l.TrimStart()) + "\n"));
    }
}
