#!/usr/bin/env bash
# Mutation testing with Stryker.NET (the local tool in .config/dotnet-tools.json): how many deliberate bugs the tests catch.
#   bash eng/mutation.sh [core|testing|aspnetcore|members|redis|all] [--changed] [extra Stryker arguments...]
#   bash eng/mutation.sh core --mutate "**/Utils/TextRules.cs"     # iterate on one file
#   bash eng/mutation.sh testing --changed                          # only what changed since the package's recorded full run
#   STRYKER_CONCURRENCY=2 bash eng/mutation.sh core                 # more test runners (default 1: the machine is shared)
# Each package's thresholds (high/low/break) are in its stryker-config.json; a score below "break" exits non-zero.
# --changed reads the commit of the package's last full run from eng/mutation-full-runs.json and passes Stryker
# --since:<commit>: only mutants in source files changed since then, and mutants that changed test files cover, are tested.
# TRIBE_SSO_RECORD=1 records a full run of a committed tree there (see the end of the loop).
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
  members) packages=(members) ;;
  redis) packages=(redis) ;;
  all) packages=(core testing aspnetcore members redis) ;;
  *) echo "usage: bash eng/mutation.sh [core|testing|aspnetcore|members|redis|all] [--changed] [Stryker arguments...]" >&2; exit 2 ;;
esac
changed=
if [ "${1:-}" = "--changed" ]; then changed=1; shift; fi

project_of() {
  case "$1" in
    core) echo src/Tribe.Sso ;;
    testing) echo src/Tribe.Sso.Testing ;;
    aspnetcore) echo src/Tribe.Sso.AspNetCore ;;
    members) echo src/Tribe.Sso.Members ;;
    redis) echo src/Tribe.Sso.StackExchangeRedis ;;
  esac
}

# The commit of a package's last recorded full run (eng/mutation-full-runs.json), present in this clone.
recorded_commit() {
  local commit
  commit=$(python3 -c 'import json, sys; print(json.load(open("eng/mutation-full-runs.json"))[sys.argv[1]]["commit"])' "$1") \
    || { echo "eng/mutation-full-runs.json has no full run of $1" >&2; return 1; }
  if ! git cat-file -e "$commit^{commit}" 2>/dev/null; then
    # A shallow clone lacks older history; Stryker needs the commit to diff against.
    git fetch --quiet --unshallow 2>/dev/null || git fetch --quiet origin "$commit" 2>/dev/null || true
    git cat-file -e "$commit^{commit}" 2>/dev/null || { echo "commit $commit (the recorded full run of $1) is not in this clone" >&2; return 1; }
  fi
  echo "$commit"
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
  since=()
  if [ -n "$changed" ]; then
    commit=$(recorded_commit "$package") || { status=2; continue; }
    since=("--since:$commit")
    say "$package: only what changed since $commit, the recorded full run"
  fi
  say "$package: Stryker on $dir (reports in artifacts/mutation/$package/reports/)"
  start=$(date +%s)
  # The commit measured, read before the run: the tree may move on while it runs.
  run_commit=$(git rev-parse HEAD)
  run_clean=$(git diff --quiet HEAD -- src && echo 1 || true)
  set +e
  # Run from the test project's folder: Stryker's --since then counts a changed file there as a changed test, and
  # tests again every mutant that test covers (from the package's own folder it would see no test change at all).
  (cd "$dir.Tests" && dotnet stryker --config-file "../${dir#src/}/stryker-config.json" --output "$out" \
      --concurrency "${STRYKER_CONCURRENCY:-1}" --skip-version-check "${since[@]}" "$@") 2>&1 | tee "$out/stryker.log"
  code=${PIPESTATUS[0]}
  set -e
  seconds=$(( $(date +%s) - start ))
  report="$out/reports/mutation-report.json"
  score=$(python3 eng/mutation-report.py score "$report" 2>/dev/null || echo "?")
  # The score of each folder, for docs/quality.md's tables, and every undetected mutant, one line each, for the log
  # (docs/quality.md lists the equivalent ones).
  python3 eng/mutation-report.py folders "$report" 2>/dev/null | tee "$out/folders.txt" || true
  python3 eng/mutation-report.py undetected "$report" 2>/dev/null | tee "$out/undetected.txt" || true
  say "$package: mutation score $score in $((seconds / 60)) min $((seconds % 60)) s; Stryker exit code $code"
  if [ ! -f "$report" ] && [ -n "$changed" ] && [ "$code" -eq 0 ]; then
    score="n/a (no mutant in the changed files)"
  fi
  echo "$score" >"$out/score.txt"
  # TRIBE_SSO_RECORD=1 after a full run of a committed tree: this run becomes the package's recorded full run, the
  # commit that --changed diffs against (then update docs/quality.md's scores and the break threshold with it).
  if [ "${TRIBE_SSO_RECORD:-0}" = "1" ] && [ -z "$changed" ] && [ $# -eq 0 ] && [ -f "$report" ]; then
    if [ -n "$run_clean" ]; then
      python3 eng/mutation-report.py record "$report" "$package" "$run_commit" "$seconds"
    else
      say "$package: not recorded: src/ has changes that are not committed"
    fi
  fi
  [ "$code" -eq 0 ] || status=$code
done
exit "$status"
