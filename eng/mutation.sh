#!/usr/bin/env bash
# Mutation testing with Stryker.NET (the local tool in .config/dotnet-tools.json): how many deliberate bugs the tests catch.
#   bash eng/mutation.sh [core|testing|aspnetcore|all] [extra Stryker arguments...]
#   bash eng/mutation.sh core --mutate "**/Utils/TextRules.cs"     # iterate on one file
#   STRYKER_CONCURRENCY=2 bash eng/mutation.sh core                 # more test runners (default 1: the machine is shared)
# Each package's thresholds (high/low/break) are in its stryker-config.json; a score below "break" exits non-zero.
# Reports (HTML, JSON, Markdown) go to artifacts/mutation/<package>/reports/. docs/quality.md has the measured scores.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)

say() { printf '[mutation] %s\n' "$*"; }

which=${1:-core}
[ $# -gt 0 ] && shift
case "$which" in
  core) packages=(core) ;;
  testing) packages=(testing) ;;
  aspnetcore) packages=(aspnetcore) ;;
  all) packages=(core testing aspnetcore) ;;
  *) echo "usage: bash eng/mutation.sh [core|testing|aspnetcore|all] [Stryker arguments...]" >&2; exit 2 ;;
esac

project_of() {
  case "$1" in
    core) echo src/Tribe.Sso ;;
    testing) echo src/Tribe.Sso.Testing ;;
    aspnetcore) echo src/Tribe.Sso.AspNetCore ;;
  esac
}

# A tool restored earlier with another NUGET_PACKAGES leaves a resolver entry pointing at deleted files (eng/forget-stale-tools.py).
python3 eng/forget-stale-tools.py
dotnet tool restore >/dev/null
# The core's suite runs the Node interoperability tests (jsonwebtoken, jose), which need interop/node_modules.
if [ ! -d interop/node_modules ]; then
  say "npm ci in interop/"
  (cd interop && npm ci --no-audit --no-fund --loglevel=error)
fi

status=0
for package in "${packages[@]}"; do
  dir=$(project_of "$package")
  out="$root/artifacts/mutation/$package"
  rm -rf "$out"
  mkdir -p "$out"
  say "$package: Stryker on $dir (reports in artifacts/mutation/$package/reports/)"
  start=$(date +%s)
  set +e
  (cd "$dir" && dotnet stryker --config-file stryker-config.json --output "$out" \
      --concurrency "${STRYKER_CONCURRENCY:-1}" --skip-version-check "$@") 2>&1 | tee "$out/stryker.log"
  code=${PIPESTATUS[0]}
  set -e
  seconds=$(( $(date +%s) - start ))
  score=$(python3 - "$out/reports/mutation-report.json" <<'PY' 2>/dev/null || echo "?"
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
counts = {}
for f in report["files"].values():
    for m in f["mutants"]:
        counts[m["status"]] = counts.get(m["status"], 0) + 1
detected = counts.get("Killed", 0) + counts.get("Timeout", 0)
undetected = counts.get("Survived", 0) + counts.get("NoCoverage", 0)
total = detected + undetected
print(f"{100.0 * detected / total:.2f}% ({detected} of {total} detected; survived {counts.get('Survived', 0)}, no coverage {counts.get('NoCoverage', 0)})" if total else "n/a")
PY
)
  # Every undetected mutant, one line each, for the log: docs/quality.md lists the equivalent ones.
  python3 - "$out/reports/mutation-report.json" <<'PY' 2>/dev/null | tee "$out/undetected.txt" || true
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
for path, f in sorted(report["files"].items()):
    for m in f["mutants"]:
        if m["status"] in ("Survived", "NoCoverage"):
            print(f"undetected: {path.split('src/')[-1]}:{m['location']['start']['line']} {m['status']} {m['mutatorName']}: {m.get('replacement', '')[:80]}")
PY
  say "$package: mutation score $score in $((seconds / 60)) min $((seconds % 60)) s; Stryker exit code $code"
  echo "$score" >"$out/score.txt"
  [ "$code" -eq 0 ] || status=$code
done
exit "$status"
