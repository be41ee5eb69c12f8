"""Turns one wrk --latency report into a JSON line: requests/s, latency percentiles (ms), errors, and, given the
CPU ticks (1/100 s) the server process used during the run, its CPU time per request in microseconds, and given the
seconds of warm-up the server had, that too."""
import json
import re
import sys


def ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


name, path = sys.argv[1], sys.argv[2]
text = open(path).read()
row = {"name": name}
rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
row["rps"] = float(rps.group(1)) if rps else 0.0
for pct in ("50", "75", "90", "99"):
    m = re.search(rf"^\s+{pct}(?:\.000)?%\s+([\d.]+)(us|ms|s)", text, re.M)
    row[f"p{pct}_ms"] = ms(*m.groups()) if m else None
total = re.search(r"(\d+) requests in", text)
row["requests"] = int(total.group(1)) if total else 0
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
row["non_2xx"] = int(non2xx.group(1)) if non2xx else 0
sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
row["socket_errors"] = sum(int(x) for x in sock.groups()) if sock else 0
if len(sys.argv) > 3 and sys.argv[3] and row["requests"]:
    row["cpu_us_per_request"] = round(int(sys.argv[3]) * 10_000 / row["requests"], 1)
if len(sys.argv) > 4 and sys.argv[4]:
    row["warmup_s"] = int(sys.argv[4])
print(json.dumps(row))
