using System.Linq;
using System.Reflection;

namespace Tribe.Sso.TestSupport;

/// <summary>Where the repository is, as recorded at build time (AssemblyMetadata "RepositoryRoot").</summary>
public static class Repository
{
    public static string Root { get; } = Assembly.GetExecutingAssembly().GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;
}
