#!/usr/bin/env bash
# The one test command (README.md, .ci/run): checks the .NET 10 SDK, installs what the tests need when it is missing
# (Node.js for interop/, Debian's Chromium and ChromeDriver for the sample's browser tests, Debian's redis-server
# for the tests of the Redis delivery log, which start their own server on a free port), then runs every suite.
# Extra arguments go to dotnet test:  bash eng/test.sh --filter "FullyQualifiedName~Readme"
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { printf '[test] %s\n' "$*"; }
die() { printf '[test] %s\n' "$*" >&2; exit 1; }

command -v dotnet >/dev/null || die "the .NET 10 SDK is required and dotnet is not on PATH: https://dotnet.microsoft.com/download/dotnet/10.0"
sdk=$(dotnet --version 2>/dev/null) || die "the .NET 10 SDK is required (global.json: 10.0.100 or later); installed: $(dotnet --list-sdks | tr '\n' ' ')"
[[ $sdk == 10.* ]] || die "the .NET 10 SDK is required; dotnet --version says $sdk"

missing=()
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || missing+=(chromium chromium-driver)
command -v redis-server >/dev/null || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    die "missing ${missing[*]}; install them, then run bash eng/test.sh again:
  sudo apt-get update && sudo apt-get install -y ${missing[*]}"
  fi
  say "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

say ".NET SDK $sdk, node $(node --version), $(/usr/bin/chromium --version), $(redis-server --version | cut -d' ' -f1-3)"
(cd interop && npm ci --no-audit --no-fund --loglevel=error)
exec dotnet test Tribe.Sso.sln "$@"
