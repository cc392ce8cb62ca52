using System.Linq;
using System.Reflection;

namespace Tribe.Sso.Tests.Support;

/// <summary>Where the repository is, as recorded at build time (AssemblyMetadata "RepositoryRoot").</summary>
internal static class Repository
{
    public static string Root { get; } = Assembly.GetExecutingAssembly().GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;
}
