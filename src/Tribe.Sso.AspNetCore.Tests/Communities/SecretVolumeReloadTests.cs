using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>
/// The README's Kubernetes recipe, on a real directory laid out as the kubelet lays out a secret volume (each key a
/// symbolic link through <c>..data</c>, rotated by swapping <c>..data</c> to a new directory), read by AddKeyPerFile.
/// </summary>
public class SecretVolumeReloadTests
{
    [Test]
    public async Task KubernetesStyleSecretVolume_RotatedBySymlinkSwap_IsFollowedWithPolling()
    {
        var volume = Directory.CreateTempSubdirectory("tribe-sso-secret-");
        try
        {
            WriteVersion(volume.FullName, "..2026_01_01_00_00_00.1", CommunitiesApp.AcmeKey);
            File.CreateSymbolicLink(Path.Combine(volume.FullName, "..data"), "..2026_01_01_00_00_00.1");
            File.CreateSymbolicLink(Path.Combine(volume.FullName, "Communities__acme__PrivateKey"), Path.Combine("..data", "Communities__acme__PrivateKey"));

            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(CommunitiesApp.Settings())
                .AddKeyPerFile(source =>
                {
                    // Polling: inotify does not see the kubelet's atomic symlink swap.
                    source.FileProvider = new PhysicalFileProvider(volume.FullName) { UsePollingFileWatcher = true, UseActivePolling = true };
                    source.ReloadOnChange = true;
                })
                .Build();
            await using var provider = new ServiceCollection().AddTribeSso("acme", configuration.GetSection("Communities:acme")).BuildServiceProvider();
            Verifies(provider, CommunitiesApp.AcmeKey).Should().BeTrue();

            WriteVersion(volume.FullName, "..2026_01_02_00_00_00.2", CommunitiesApp.AcmeRotatedKey);
            File.Delete(Path.Combine(volume.FullName, "..data"));
            File.CreateSymbolicLink(Path.Combine(volume.FullName, "..data"), "..2026_01_02_00_00_00.2");

            var clock = Stopwatch.StartNew();
            while (!Verifies(provider, CommunitiesApp.AcmeRotatedKey) && clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100);
            }

            Verifies(provider, CommunitiesApp.AcmeRotatedKey).Should().BeTrue("the rotated key is picked up within the polling interval (4 s), with no restart");
        }
        finally
        {
            volume.Delete(recursive: true);
        }
    }

    private static void WriteVersion(string volume, string version, string key)
    {
        Directory.CreateDirectory(Path.Combine(volume, version));
        File.WriteAllText(Path.Combine(volume, version, "Communities__acme__PrivateKey"), key);
    }

    private static bool Verifies(IServiceProvider provider, string key)
    {
        var link = provider.GetRequiredKeyedService<TribeSsoIssuer>("acme").CreateLoginUrl(TribeSsoUser.Create("42", "Jane", "jane@example.com").Build());
        return new Testing.TribeSsoTokenReader(TribeSsoKey.FromString(key)).Read(link).IsAccepted;
    }
}
