using System.Linq;
using System.Runtime.Versioning;

namespace Tribe.Sso.Tests.Api;

/// <summary>Proves which build of Tribe.Sso this copy of the suite exercises.</summary>
public class AssetUnderTestTests
{
    [Test]
    public void TribeSsoAssembly_IsTheExpectedBuild()
    {
        var framework = typeof(TribeSsoIssuer).Assembly.GetCustomAttributes(typeof(TargetFrameworkAttribute), false)
            .Cast<TargetFrameworkAttribute>().Single().FrameworkName;

#if TRIBE_SSO_ASSET_NETSTANDARD
        framework.Should().Be(".NETStandard,Version=v2.0");
#else
        framework.Should().Be(".NETCoreApp,Version=v10.0");
#endif
    }
}
