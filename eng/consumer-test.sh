#!/usr/bin/env bash
# Consumes the packed packages the way partners do: from a NuGet feed, not project references.
#   1. net10.0 console app            -> runs the README quick start on the net10.0 asset
#   2. netstandard2.0 library + net10.0 host that loads the netstandard2.0 asset of Tribe.Sso
#   3. the tribe-sso tool installed from the feed
# after checking what is inside each package (eng/check-packages.cs) and writing their SBOM (artifacts/sbom/).
# Each prints a link whose token Node's jsonwebtoken verifies. Prints "consumer: N passed, M failed"; exit 1 on failure.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
export NUGET_PACKAGES="$work/packages"   # a clean cache: never a stale copy of the same version
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
key="consumer-test-key-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export TRIBE_SSO_PRIVATE_KEY="$key"
passed=0 failed=0
ok() { echo "[consumer] ok: $*"; passed=$((passed + 1)); }
ko() { echo "[consumer] FAILED: $*"; failed=$((failed + 1)); }

dotnet pack "$root/Tribe.Sso.sln" -c Release -o "$feed" -v quiet -nologo -p:PackageOutputPath="$feed" >"$work/pack.log" 2>&1 \
  || { cat "$work/pack.log"; echo "consumer: 0 passed, 1 failed"; exit 1; }
if grep -q "warning" "$work/pack.log"; then ko "dotnet pack printed warnings"; grep warning "$work/pack.log"; else ok "dotnet pack without warnings"; fi
# What is inside each package: strong-named assemblies (eng/check-packages.cs says what it checks).
if dotnet run "$root/eng/check-packages.cs" -- "$feed" >"$work/check.log" 2>&1; then
  ok "packages: $(grep -c '^ok: ' "$work/check.log") checks of their contents"
else
  ko "packages: $(grep '^FAILED: ' "$work/check.log" || tail -20 "$work/check.log")"
fi
version=$(ls "$feed" | sed -n 's/^Tribe\.Sso\.\([0-9][^a-zA-Z]*[0-9]\)\.nupkg$/\1/p' | head -1)

# An SPDX 2.2 SBOM of the packages, made with Microsoft's SBOM tool (a local tool in .config/dotnet-tools.json) from
# the shipped projects' restore graphs (test projects left out), with no network look-up of licences.
# Kept in artifacts/sbom/_manifest/ for the release.
manifest="$work/sbom/_manifest/spdx_2.2/manifest.spdx.json"
mkdir -p "$work/sbom"
if (cd "$root" && python3 eng/forget-stale-tools.py >"$work/sbom.log" 2>&1 && dotnet tool restore >>"$work/sbom.log" 2>&1 \
    && dotnet sbom-tool generate -b "$feed" -bc "$root/src" -m "$work/sbom" -pn Tribe.Sso -pv "$version" \
       -ps "Tribe.Sso contributors" -nsb https://github.com/tribe-sso/Tribe.Sso -li false -pm false -V Warning \
       -cd "--DirectoryExclusionList **/*Tests*/**;**/*TestSupport*/**" >>"$work/sbom.log" 2>&1) \
   && python3 - "$manifest" "$feed" >>"$work/sbom.log" 2>&1 <<'PY'
import json, os, sys
sbom = json.load(open(sys.argv[1], encoding="utf-8"))
files = {f["fileName"].removeprefix("./") for f in sbom["files"]}
packed = {n for n in os.listdir(sys.argv[2]) if n.endswith(".nupkg")}
names = {p["name"] for p in sbom["packages"]}
assert sbom["spdxVersion"] == "SPDX-2.2", sbom["spdxVersion"]
assert packed and packed <= files, f"not in the SBOM: {sorted(packed - files)}"
assert "Microsoft.IdentityModel.Tokens" in names and not {"NUnit", "FluentAssertions"} & names, sorted(names)
print(f"sbom: {len(files)} files, {len(names)} packages")
PY
then
  ok "SBOM of the packages: $(tail -1 "$work/sbom.log")"
  rm -rf "$root/artifacts/sbom" && mkdir -p "$root/artifacts/sbom" && cp -r "$work/sbom/_manifest" "$root/artifacts/sbom/"
else
  ko "SBOM: $(tail -20 "$work/sbom.log")"
fi

cat >"$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="Tribe.Sso*" /><package pattern="tribe-sso" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
printf '<Project></Project>\n' >"$work/Directory.Build.props"
printf '<Project></Project>\n' >"$work/Directory.Packages.props"

# The README quick start, exactly as README.md shows it.
quickstart=$(awk '/^## Quick start/{f=1} f&&/^```csharp/{c=1;next} c&&/^```/{exit} c{print}' "$root/README.md")
[ -n "$quickstart" ] || { ko "README.md has no quick start"; }

verify() { # $1 = label, $2 = link
  local token=${2#*jwt=}; token=${token%%&*}
  printf '{"key":"%s","now":%s,"tokens":["%s"]}' "$key" "$(date +%s)" "$token" | node "$root/interop/verify.mjs" >"$work/verify.json" \
    && grep -q '"jsonwebtoken":{"ok":true' "$work/verify.json" && grep -q '"jose":{"ok":true' "$work/verify.json" \
    && ok "$1: the token verifies in jsonwebtoken and jose" || ko "$1: the token did not verify: $(cat "$work/verify.json")"
}

# 1. net10.0 console app.
mkdir -p "$work/net10" && cd "$work/net10"
cat >net10.csproj <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
  <ItemGroup><PackageReference Include="Tribe.Sso" Version="$version" /></ItemGroup>
</Project>
XML
cat >Program.cs <<CS
using System.Runtime.Versioning;
using Tribe.Sso;
string secretFromConfiguration = Environment.GetEnvironmentVariable("TRIBE_SSO_PRIVATE_KEY")!;
TimeProvider? clock = null;
$quickstart
Console.WriteLine(link.AbsoluteUri);
Console.WriteLine(((TargetFrameworkAttribute)typeof(TribeSsoIssuer).Assembly.GetCustomAttributes(typeof(TargetFrameworkAttribute), false)[0]).FrameworkName);
CS
if dotnet run -v quiet >"$work/net10.out" 2>&1; then
  grep -qx '.NETCoreApp,Version=v10.0' "$work/net10.out" && ok "net10.0 app loads the net10.0 asset" || ko "net10.0 app asset: $(cat "$work/net10.out")"
  verify "net10.0 README quick start" "$(head -1 "$work/net10.out")"
else
  ko "net10.0 app: $(tail -20 "$work/net10.out")"
fi

# 2. A netstandard2.0 library (as a .NET Framework partner would compile) called from a net10.0 host that loads the
#    package's netstandard2.0 asset.
mkdir -p "$work/ns20/Lib" "$work/ns20/Host" && cd "$work/ns20"
cat >Lib/Lib.csproj <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>netstandard2.0</TargetFramework><LangVersion>latest</LangVersion><Nullable>enable</Nullable></PropertyGroup>
  <ItemGroup><PackageReference Include="Tribe.Sso" Version="$version" /></ItemGroup>
</Project>
XML
cat >Lib/Partner.cs <<CS
using System;
using Tribe.Sso;
public static class Partner
{
    public static string Link(string secretFromConfiguration)
    {
        TimeProvider? clock = null;
$quickstart
        return link.AbsoluteUri;
    }
}
CS
cat >Host/Host.csproj <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings>
    <!-- Load whatever Tribe.Sso.dll sits beside the app: the netstandard2.0 one copied below. -->
    <GenerateDependencyFile>false</GenerateDependencyFile>
    <RestoreEnablePackagePruning>false</RestoreEnablePackagePruning>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="../Lib/Lib.csproj" />
    <PackageReference Include="Tribe.Sso" Version="$version" ExcludeAssets="runtime" />
    <PackageReference Include="Microsoft.Bcl.TimeProvider" Version="10.0.15" />
    <PackageReference Include="Microsoft.Bcl.Memory" Version="10.0.15" />
    <None Include="\$([MSBuild]::EnsureTrailingSlash('\$(NuGetPackageRoot)'))tribe.sso/$version/lib/netstandard2.0/Tribe.Sso.dll" Link="Tribe.Sso.dll" CopyToOutputDirectory="PreserveNewest" />
  </ItemGroup>
</Project>
XML
cat >Host/Program.cs <<'CS'
using System.Runtime.Versioning;
Console.WriteLine(Partner.Link(Environment.GetEnvironmentVariable("TRIBE_SSO_PRIVATE_KEY")!));
var asset = typeof(Tribe.Sso.TribeSsoIssuer).Assembly;
Console.WriteLine(((TargetFrameworkAttribute)asset.GetCustomAttributes(typeof(TargetFrameworkAttribute), false)[0]).FrameworkName);
CS
if dotnet run --project Host -v quiet >"$work/ns20.out" 2>&1; then
  grep -qx '.NETStandard,Version=v2.0' "$work/ns20.out" && ok "netstandard2.0 asset loads in the host" || ko "netstandard2.0 asset: $(cat "$work/ns20.out")"
  verify "netstandard2.0 README quick start" "$(head -1 "$work/ns20.out")"
else
  ko "netstandard2.0 consumer: $(tail -20 "$work/ns20.out")"
fi

# 3. The tool, installed from the feed.
if dotnet tool install tribe-sso --tool-path "$work/tools" --version "$version" --configfile "$work/nuget.config" >"$work/tool.log" 2>&1; then
  link=$("$work/tools/tribe-sso" link --community https://community.example.com --sub 42 --name "Jane Doe" --email jane@example.com --redirect /answers)
  verify "tribe-sso tool link" "$link"
else
  ko "dotnet tool install: $(cat "$work/tool.log")"
fi

echo "consumer: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
