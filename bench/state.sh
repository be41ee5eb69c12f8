#!/usr/bin/env bash
# Shared state's price: the same gateway build with the memory store and with Redis on loopback, side by side in one
# run, behind the same recorded upstream. Small search at saturation (alternating slices, CPU per request), added
# latency at 8 connections, and keyed orders one after another. About 6 minutes.
# Usage: bench/state.sh      (installs wrk, nginx and redis-server from Debian packages if missing; root)
set -euo pipefail
ROUNDS=${ROUNDS:-3}
SLICE=${SLICE:-10s}
ORDERS=${ORDERS:-300}
# Realistic limits, so the shared path is exercised: a chunk is a tenth of the limit (see SharedRateWindows).
export CLIENT_RPS=${CLIENT_RPS:-20000} ACCOUNT_RPS=${ACCOUNT_RPS:-20000}
source "$(dirname "$0")/common.sh"
command -v redis-server >/dev/null || { apt-get update -qq && apt-get install -y -qq redis-server; }

build_gateway
start_upstream
redis-server --port 18086 --bind 127.0.0.1 --save '' --appendonly no > "$WORK/redis.log" 2>&1 & PIDS+=($!)
until redis-cli -p 18086 ping > /dev/null 2>&1; do sleep 0.05; done

start_gateway "$APP_JAR" "" 18080; MEMORY_PID=$GATEWAY_PID
GATEWAY_ARGS="--gateway.state.store=redis --spring.data.redis.url=redis://127.0.0.1:18086" \
  start_gateway "$APP_JAR" "" 18090; REDIS_PID=$GATEWAY_PID
search() { echo "http://127.0.0.1:$1/api/v1/accounts/bench/available-numbers?areaCode=919&quantity=3"; }

echo "== warming both until their JIT settles"
warm_jvm 2 64 "$(search 18080)" $MEMORY_PID > /dev/null
warm_jvm 2 64 "$(search 18090)" $REDIS_PID > /dev/null

slice() { # name port pid threads connections
  local before=$(cpu_ticks "$3")
  wrk -t"$4" -c"$5" -d"$SLICE" --latency -H "X-API-Key: $KEY" "$(search "$2")" > "$WORK/slice.txt"
  python3 bench/parse_wrk.py "$1" "$WORK/slice.txt" $(( $(cpu_ticks "$3") - before )) >> "$WORK/state.jsonl"
}
echo "== saturation and latency, alternating slices"
for round in $(seq 1 "$ROUNDS"); do
  slice memory-saturation 18080 $MEMORY_PID 2 64; slice redis-saturation 18090 $REDIS_PID 2 64
  slice memory-latency 18080 $MEMORY_PID 1 8; slice redis-latency 18090 $REDIS_PID 1 8
done

echo "== keyed orders, one after another"
python3 - "$ORDERS" "$KEY" >> "$WORK/state.jsonl" <<'PY'
import json, sys, time, urllib.request
count, key = int(sys.argv[1]), sys.argv[2]
body = json.dumps({"name": "bench", "siteId": "1001", "peerId": "500001", "selection": {"type": "areaCode", "areaCode": "919", "quantity": 1}}).encode()
for name, port in (("memory-keyed-order", 18080), ("redis-keyed-order", 18090)):
    times = []
    for i in range(count + 50):
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/accounts/bench/orders", data=body,
                                         headers={"X-API-Key": key, "Content-Type": "application/json",
                                                  "Idempotency-Key": f"{name}-{time.time_ns()}-{i}"})
        start = time.perf_counter()
        with urllib.request.urlopen(request) as answer:
            assert answer.status == 201, answer.status
        if i >= 50:
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(json.dumps({"name": name, "p50_ms": times[len(times) // 2], "p99_ms": times[int(len(times) * 0.99)]}))
PY

mkdir -p bench/results
OUT=bench/results/state-$(date +%Y%m%d-%H%M%S)
python3 - "$WORK/state.jsonl" "$OUT" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
def median(name, field):
    return statistics.median(r[field] for r in rows if r["name"] == name and r.get(field) is not None)
m_rps, r_rps = median("memory-saturation", "rps"), median("redis-saturation", "rps")
m_cpu, r_cpu = median("memory-saturation", "cpu_us_per_request"), median("redis-saturation", "cpu_us_per_request")
m_p50, r_p50 = median("memory-latency", "p50_ms"), median("redis-latency", "p50_ms")
m_order, r_order = median("memory-keyed-order", "p50_ms"), median("redis-keyed-order", "p50_ms")
errors = sum(r.get("non_2xx", 0) + r.get("socket_errors", 0) for r in rows)
lines = [
    "| measure | memory store | Redis on loopback | Redis vs memory |", "|---|---|---|---|",
    f"| small search, saturation (median of slices) | {m_rps:,.0f} req/s, {m_cpu} µs CPU | {r_rps:,.0f} req/s, {r_cpu} µs CPU | ratio {r_rps / m_rps:.2f} (target ≥ 0.9) |",
    f"| small search, p50 at 8 connections | {m_p50:.3f} ms | {r_p50:.3f} ms | {r_p50 - m_p50:+.3f} ms (target < 0.3) |",
    f"| keyed order, p50, one at a time | {m_order:.2f} ms | {r_order:.2f} ms | {r_order - m_order:+.2f} ms |",
    f"| non-2xx answers and socket errors | | | {errors} |",
]
open(sys.argv[2] + ".md", "w").write("\n".join(lines) + "\n")
json.dump(rows, open(sys.argv[2] + ".json", "w"), indent=1)
print("\n".join(lines))
PY
