#!/usr/bin/env bash
# The bulk relink's throughput against its pacing (docs/members.md#bulk-relink): a simulated community limited to
# 200 API requests per 10 seconds with N members in sign-in conflict, `members relink --csv` over all of them paced to
# the same limit, then the same run again, which must change nothing. Prints rows/s, API requests/s and the share of
# what the limit allows, and checks that every member ends with its new externalId (no row lost or done twice).
#   bash eng/measure-relink.sh [N]        (default 1000; Release build of the CLI)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
n=${1:-1000}
limit=200
work=$(mktemp -d)
trap 'kill "$sim" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build src/Tribe.Sso.Cli/Tribe.Sso.Cli.csproj -c Release -v q -nologo >/dev/null
cli=src/Tribe.Sso.Cli/bin/Release/net10.0/tribe-sso.dll
key=$(head -c 32 /dev/urandom | base64 | tr -d "=+/")
export TRIBE_SSO_PRIVATE_KEY=$key TRIBE_API_CLIENT_ID=measure-app TRIBE_API_NETWORK_ID=CAx1mZ7I7a
export TRIBE_API_CLIENT_SECRET=$(head -c 24 /dev/urandom | base64 | tr -d '=+/')

dotnet "$cli" community --urls http://127.0.0.1:0 --network-id "$TRIBE_API_NETWORK_ID" --api-client-id "$TRIBE_API_CLIENT_ID" \
  --api-rate-limit "$limit" >"$work/community.out" 2>&1 &
sim=$!
for _ in $(seq 100); do grep -q 'listening on' "$work/community.out" && break; sleep 0.1; done
url=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$work/community.out" | head -1)
[ -n "$url" ] || { cat "$work/community.out" >&2; exit 1; }

echo "email,externalId" >"$work/members.csv"
for i in $(seq "$n"); do
  curl -sf -o /dev/null -X POST "$url/_simulator/members" -H 'content-type: application/json' \
    -d "{\"email\":\"member$i@example.com\",\"name\":\"Member $i\",\"externalId\":\"old-$i\"}"
  echo "member$i@example.com,new-$i" >>"$work/members.csv"
done
echo "community $url: $n members seeded in conflict (externalId old-i, the CSV says new-i); limit $limit requests per 10 s"

run() {
  local start end
  start=$(date +%s.%N)
  dotnet "$cli" members relink --csv "$work/members.csv" --api-url "$url/api/gateway" --api-rate-limit "$limit" >"$work/run.out" 2>&1 || true
  end=$(date +%s.%N)
  grep -E '^(dry run: )?relinked|^api:' "$work/run.out"
  local requests seconds
  requests=$(sed -n 's/^api: \([0-9]*\) requests.*/\1/p' "$work/run.out")
  seconds=$(echo "$end - $start" | bc -l)
  # A row is one search, plus one update when it changes; the run adds one token request.
  printf '%s: %d rows in %.1f s = %.1f rows/s; %d API requests = %.1f requests/s, %.0f%% of the %d/s the limit allows\n' \
    "$1" "$n" "$seconds" "$(echo "$n / $seconds" | bc -l)" "$requests" "$(echo "$requests / $seconds" | bc -l)" \
    "$(echo "100 * $requests / $seconds / ($limit / 10)" | bc -l)" "$((limit / 10))"
}

run "first run (search + update per row)"
run "second run (search per row)"
grep -q "^relinked 0, already linked $n, not found 0, refused 0$" "$work/run.out" || { echo "FAIL: the second run changed something" >&2; exit 1; }

curl -sf "$url/_simulator/members" | python3 -c '
import json, sys
n = int(sys.argv[1])
ids = {m["email"]: m.get("externalId") for m in json.load(sys.stdin)}
wrong = [i for i in range(1, n + 1) if ids.get("member%d@example.com" % i) != "new-%d" % i]
print("check: %d of %d members hold their new externalId" % (n - len(wrong), n))
sys.exit(1 if wrong else 0)' "$n"
