"""Forgets the entries of dotnet's local-tool resolver cache whose files are gone.

`dotnet tool restore` run with another NUGET_PACKAGES (eng/consumer-test.sh restores into a temporary package cache
that it deletes afterwards) leaves the user's resolver cache pointing at that folder, and a later restore trusts the
entry: the tool then "is not available" although restore says it was restored. Deleting such entries lets the next
restore write them anew. Run before `dotnet tool restore`; it touches nothing else.
"""
import json
import os
import sys

home = os.environ.get("DOTNET_CLI_HOME") or os.path.expanduser("~")
cache = os.path.join(home, ".dotnet", "toolResolverCache", "1")
if not os.path.isdir(cache):
    sys.exit(0)
for name in os.listdir(cache):
    path = os.path.join(cache, name)
    try:
        entries = json.load(open(path, encoding="utf-8"))
        stale = any(not os.path.exists(e.get("PathToExecutable", "")) for e in entries)
    except (OSError, ValueError, AttributeError, TypeError):
        stale = True
    if stale:
        os.remove(path)
        print(f"forgot the stale tool resolver entry {name}")
