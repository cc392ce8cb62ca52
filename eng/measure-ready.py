#!/usr/bin/env python3
"""Start-to-ready time of a server process: start it, wait for a line containing READY on stdout, stop it with SIGTERM.

usage: python3 eng/measure-ready.py READY RUNS COMMAND [ARG ...]
  e.g. python3 eng/measure-ready.py "listening on" 10 ./out/tribe-sso community --urls http://127.0.0.1:0
One warm-up run is not counted. Prints the mean, standard deviation, range and the exit codes seen after SIGTERM.
"""
import signal
import statistics
import subprocess
import sys
import time


def once(ready, command):
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in process.stdout:
        if ready in line:
            break
    else:
        sys.exit("the process ended before printing " + repr(ready))
    elapsed = (time.perf_counter() - started) * 1000
    process.send_signal(signal.SIGTERM)
    return elapsed, process.wait(timeout=30)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    ready, runs, command = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    once(ready, command)
    results = [once(ready, command) for _ in range(runs)]
    times = [t for t, _ in results]
    print(f"{statistics.mean(times):.1f} ms ± {statistics.stdev(times):.1f} ms "
          f"(min {min(times):.1f}, max {max(times):.1f}, {runs} runs), exit codes {sorted({c for _, c in results})}")


if __name__ == "__main__":
    main()
