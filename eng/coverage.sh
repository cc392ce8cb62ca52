#!/usr/bin/env bash
# Line and branch coverage of a package under its own suite, per folder (coverlet, Cobertura), for docs/quality.md.
#   bash eng/coverage.sh [core|testing|aspnetcore|members|redis]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
case "${1:-core}" in
  core) tests=src/Tribe.Sso.Tests; assembly=Tribe.Sso ;;
  testing) tests=src/Tribe.Sso.Testing.Tests; assembly=Tribe.Sso.Testing ;;
  aspnetcore) tests=src/Tribe.Sso.AspNetCore.Tests; assembly=Tribe.Sso.AspNetCore ;;
  members) tests=src/Tribe.Sso.Members.Tests; assembly=Tribe.Sso.Members ;;
  redis) tests=src/Tribe.Sso.StackExchangeRedis.Tests; assembly=Tribe.Sso.StackExchangeRedis ;;
  *) echo "usage: bash eng/coverage.sh [core|testing|aspnetcore|members|redis]" >&2; exit 2 ;;
esac
out="artifacts/coverage/${1:-core}"
rm -rf "$out"
dotnet test "$tests" -f net10.0 --collect:"XPlat Code Coverage" --results-directory "$out" -v quiet -nologo \
  -- DataCollectionRunSettings.DataCollectors.DataCollector.Configuration.Include="[$assembly]*" >/dev/null
python3 - "$assembly" "$(find "$out" -name coverage.cobertura.xml | head -1)" <<'PY'
import os, sys, xml.etree.ElementTree as ET
assembly, path = sys.argv[1], sys.argv[2]
folders = {}
for package in ET.parse(path).getroot().iter("package"):
    if package.get("name") != assembly:
        continue
    for cls in package.iter("class"):
        name = cls.get("filename").replace("\\", "/")
        folder = (os.path.dirname(name.split("src/", 1)[-1]) or ".") + "/"
        f = folders.setdefault(folder, [set(), set(), 0, 0])
        for line in cls.iter("line"):
            key = (name, line.get("number"))
            (f[0] if int(line.get("hits")) > 0 else f[1]).add(key)
            cond = line.get("condition-coverage")
            if cond:
                covered, total = cond.split("(")[1].rstrip(")").split("/")
                f[2] += int(covered); f[3] += int(total)
all_hit = all_lines = all_cov = all_br = 0
for folder, (hit, miss, cov, br) in sorted(folders.items()):
    if "/obj/" in folder or folder.startswith("obj/"):
        continue  # source generators' output (logging, configuration binding, JSON, regex)
    miss -= hit
    lines = len(hit) + len(miss)
    if not folder.startswith("Shared/"):
        all_hit += len(hit); all_lines += lines; all_cov += cov; all_br += br
    else:
        folder += " (shared source, scored in the core's run)"
    branch = f"{100.0 * cov / br:.1f} %" if br else "no branches"
    print(f"coverage: {folder} lines {100.0 * len(hit) / lines:.1f} % ({len(hit)} of {lines}), branches {branch}")
print(f"coverage: {assembly} (its own files) lines {100.0 * all_hit / all_lines:.1f} % ({all_hit} of {all_lines}), branches {100.0 * all_cov / all_br:.1f} %")
PY
