#!/usr/bin/env bash
# Latency overhead at a constant rate (quality scenario 15): an upstream stub that answers after 20 ms, an open-model
# load of 500 requests per second (bench/rate.py: latency from each request's due time, as wrk2 does), the stub
# called directly and then through the gateway, 5 minutes on the gateway after a warm-up. Passes with added
# p50 <= 2 ms, added p99 <= 10 ms, no errors and resident memory <= 512 MB. About 7.5 minutes; writes
# bench/results/steady-<time>.md and .json. Usage: bench/steady.sh      RATE=500 DELAY=0.02 STEADY=300 DIRECT=60 WARM=60
set -euo pipefail
RATE=${RATE:-500}      # requests per second, for the stub and for the gateway
DELAY=${DELAY:-0.02}   # seconds the stub waits before it answers
STEADY=${STEADY:-300}  # seconds measured on the gateway
DIRECT=${DIRECT:-60}   # seconds measured on the stub
WARM=${WARM:-60}       # seconds of the same load on the gateway before it is measured
source "$(dirname "$0")/common.sh"

echo "== building the gateway"
build_gateway

echo "== an upstream stub that answers after ${DELAY}s"
python3 bench/make_fixtures.py "$WORK" > /dev/null
start_slow_upstream 18085 "$DELAY"
SEARCH="/accounts/bench/availableNumbers?areaCode=919&quantity=3"
until curl -sf -o /dev/null "http://127.0.0.1:18085/api$SEARCH"; do sleep 0.1; done
UPSTREAM_URL=http://127.0.0.1:18085/api start_gateway "$APP_JAR"
GW="http://127.0.0.1:18080/api/v1/accounts/bench/available-numbers?areaCode=919&quantity=3"
curl -sf -o /dev/null -H "X-API-Key: $KEY" "$GW" || { echo "the gateway does not answer $GW" >&2; exit 1; }

echo "== the stub directly: $RATE/s for ${DIRECT}s"
python3 bench/rate.py direct "http://127.0.0.1:18085/api$SEARCH" "$RATE" "$DIRECT" > "$WORK/steady.jsonl"
echo "== the gateway: ${WARM}s warm-up, then $RATE/s for ${STEADY}s"
python3 bench/rate.py warm-up "$GW" "$RATE" "$WARM" 64 "X-API-Key: $KEY" > /dev/null
THREADS_BEFORE=$(threads "$GATEWAY_PID"); CPU_BEFORE=$(cpu_ticks "$GATEWAY_PID")
python3 bench/rate.py gateway "$GW" "$RATE" "$STEADY" 64 "X-API-Key: $KEY" >> "$WORK/steady.jsonl" & LOAD=$!
RSS_MAX=0; THREADS_MAX=0
while kill -0 "$LOAD" 2>/dev/null; do   # resident memory and threads, sampled while the load runs
  RSS=$(rss_mb "$GATEWAY_PID"); COUNT=$(threads "$GATEWAY_PID")
  RSS_MAX=$(( RSS > RSS_MAX ? RSS : RSS_MAX )); THREADS_MAX=$(( COUNT > THREADS_MAX ? COUNT : THREADS_MAX ))
  sleep 5
done
wait "$LOAD"
CPU_TICKS=$(( $(cpu_ticks "$GATEWAY_PID") - CPU_BEFORE ))

python3 - "$WORK/steady.jsonl" "$ROOT/bench/results" <<PY
import datetime, json, os, sys
rows = {r["name"]: r for r in (json.loads(line) for line in open(sys.argv[1]) if line.strip())}
d, g = rows["direct"], rows["gateway"]
stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H-%M-%SZ")
added = {p: None if None in (g[f"{p}_ms"], d[f"{p}_ms"]) else round(g[f"{p}_ms"] - d[f"{p}_ms"], 3)
         for p in ("p50", "p99")}   # None when a run got no answer at all
summary = {
    "rate_per_s": $RATE, "upstream_delay_s": $DELAY, "gateway_seconds": $STEADY,
    "added_p50_ms": added["p50"], "added_p99_ms": added["p99"],
    "gateway_errors": g["errors"], "gateway_non_2xx": g["non_2xx"],
    "gateway_cpu_us_per_request": round($CPU_TICKS * 1_000_000 / $(getconf CLK_TCK) / max(g["requests"], 1), 1),
    "rss_max_mb": $RSS_MAX, "threads_before": $THREADS_BEFORE, "threads_max": $THREADS_MAX,
}
checks = {
    "added p50 <= 2 ms": added["p50"] is not None and added["p50"] <= 2,
    "added p99 <= 10 ms": added["p99"] is not None and added["p99"] <= 10,
    "0 errors": g["errors"] == 0 and g["non_2xx"] == 0, "RSS <= 512 MB": $RSS_MAX <= 512,
}
lines = [f"# Constant-rate latency {stamp} (quality scenario 15)", "",
         "| run | target /s | achieved /s | requests | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | non-2xx | errors |",
         "|---|---|---|---|---|---|---|---|---|---|---|"]
for r in (d, g):
    lines.append(f"| {r['name']} | {r['target_rate']:.0f} | {r['rate']} | {r['requests']} | {r['p50_ms']} | "
                 f"{r['p90_ms']} | {r['p99_ms']} | {r['p99.9_ms']} | {r['max_ms']} | {r['non_2xx']} | {r['errors']} |")
lines += ["", "| measure | value |", "|---|---|"] + [f"| {k} | {v} |" for k, v in summary.items()]
lines += ["", "| check | result |", "|---|---|"] + [f"| {k} | {'pass' if ok else 'FAIL'} |" for k, ok in checks.items()]
text = "\n".join(lines) + "\n"
os.makedirs(sys.argv[2], exist_ok=True)
with open(os.path.join(sys.argv[2], f"steady-{stamp}.json"), "w") as f:
    json.dump({"when": stamp, "summary": summary, "checks": checks, "runs": [d, g]}, f, indent=2)
with open(os.path.join(sys.argv[2], f"steady-{stamp}.md"), "w") as f:
    f.write(text)
print(text)
PY
