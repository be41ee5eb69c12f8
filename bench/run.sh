#!/usr/bin/env bash
# Numbers Gateway benchmark: the gateway against nginx (direct and as a plain reverse proxy) and Spring Cloud
# Gateway (pass-through), all on loopback, same run, same machine. Bounded: 6-9 minutes, fixed durations and capped warm-ups.
# Usage: bench/run.sh            (needs root for apt-get the first time; see bench/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=$(mktemp -d /tmp/numbers-bench.XXXXXX)
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}          # nginx needs none to speak of
WARMUP_JVM=${WARMUP_JVM:-20s} # the least a JVM is warmed; then on until its JIT has settled (see warm_jvm)
WARMUP_JVM_MAX=${WARMUP_JVM_MAX:-90}  # seconds: the most a JVM is warmed, settled or not
PIDS=()

cleanup() {
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

command -v wrk >/dev/null && command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk nginx; }
ulimit -n 65536 || true

echo "== building the gateway and the Spring Cloud Gateway peer"
./mvnw -B -q -DskipTests package
(cd bench/scg && mvn -B -q -DskipTests package)
GATEWAY_JAR=$(ls target/numbers-gateway-*.jar | grep -v original | head -1)
SCG_JAR=$(ls bench/scg/target/scg-passthrough-*.jar | grep -v original | head -1)

echo "== recorded Bandwidth answers"
python3 bench/make_fixtures.py "$WORK"
chmod 755 "$WORK" && chmod 644 "$WORK"/*.xml   # nginx workers run as another user

cat > "$WORK/nginx.conf" <<NGINX
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 100000;
  default_type application/xml;
  server {
    listen 127.0.0.1:18081;
    location = /api/accounts/bench/availableNumbers { alias $WORK/small.xml; }
    location = /api/accounts/big/availableNumbers { alias $WORK/big.xml; }
    location = /api/accounts/bench/orders { alias $WORK/order.xml; }
    location = /api/accounts/slow/availableNumbers { proxy_pass http://127.0.0.1:18084; }
  }
  upstream direct { server 127.0.0.1:18081; keepalive 64; }
  server {
    listen 127.0.0.1:18082;
    location / { proxy_pass http://direct; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
NGINX
nginx -c "$WORK/nginx.conf"
for url in "http://127.0.0.1:18081/api/accounts/bench/availableNumbers" "http://127.0.0.1:18082/api/accounts/big/availableNumbers"; do
  curl -sf -o /dev/null "$url" || { echo "nginx does not serve $url" >&2; exit 1; }
done
python3 bench/slow_upstream.py "$WORK/small.xml" 18084 & PIDS+=($!)

KEY=bench-key
# The container's flags under the chart's 512Mi limit: MaxRAM stands in for the cgroup limit (heap 75 % of it), and
# SerialGC is what the JVM picks by itself in a pod that small (under 1792 MB it is not a "server-class machine");
# outside a container it would pick G1 from the host's memory. -Xmn64m is the image's young generation (Dockerfile).
JVM_FLAGS="${JVM_FLAGS:--XX:MaxRAM=512m -XX:MaxRAMPercentage=75 -Xmn64m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError} ${JAVA_EXTRA:-}"
# Run as the image does: the extracted jar (class path in its manifest), with or without the trained class archive.
java -Djarmode=tools -jar "$GATEWAY_JAR" extract --destination "$WORK/app" > /dev/null
APP_JAR=$(ls "$WORK"/app/*.jar)
start_gateway() { # jar [extra JVM flags]
  local started=$(date +%s%N)
  GATEWAY_SANDBOX_ENABLED=false SERVER_PORT=18080 \
  GATEWAY_BANDWIDTH_BASE_URL=http://127.0.0.1:18081/api \
  GATEWAY_CREDENTIALS_STATIC_BENCH_USERNAME=bench GATEWAY_CREDENTIALS_STATIC_BENCH_PASSWORD=bench \
  GATEWAY_CREDENTIALS_STATIC_BIG_USERNAME=bench GATEWAY_CREDENTIALS_STATIC_BIG_PASSWORD=bench \
  GATEWAY_CREDENTIALS_STATIC_SLOW_USERNAME=bench GATEWAY_CREDENTIALS_STATIC_SLOW_PASSWORD=bench \
  GATEWAY_CLIENTS_0_NAME=bench GATEWAY_CLIENTS_0_API_KEY_SHA256=$(printf %s "$KEY" | sha256sum | cut -c1-64) \
  GATEWAY_CLIENTS_0_ACCOUNTS=bench,big,slow GATEWAY_CLIENTS_0_SCOPES=numbers:read,numbers:write \
  GATEWAY_CLIENTS_0_REQUESTS_PER_SECOND=10000000 GATEWAY_CLIENTS_0_MAX_ORDER_QUANTITY=5000 \
  GATEWAY_RESILIENCE_ACCOUNT_RATE_LIMIT=10000000 GATEWAY_BANDWIDTH_MAX_CONNECTIONS=256 \
  GATEWAY_RESILIENCE_BULKHEAD_MAX_CONCURRENT=${BULKHEAD:-256} \
  java $JVM_FLAGS ${2:-} -jar "$1" ${GATEWAY_ARGS:-} > "$WORK/gateway.log" 2>&1 &
  GATEWAY_PID=$!; PIDS+=($GATEWAY_PID)
  until curl -sf -o /dev/null http://127.0.0.1:18080/actuator/health/readiness; do sleep 0.05; done
  STARTUP_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}
rss_mb() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }
stat_ticks() { awk '{print $14 + $15}' "$1"; }   # user + system CPU ticks in a /proc stat file
cpu_ticks() { stat_ticks "/proc/$1/stat"; }
threads() { ps -o nlwp= -p "$1" | tr -d ' '; }
jit_ticks() { # CPU ticks of the JIT compiler threads of process $1
  local total=0 t
  for t in /proc/"$1"/task/*; do
    case "$(cat "$t/comm")" in C1\ Compiler*|C2\ Compiler*) total=$((total + $(stat_ticks "$t/stat")));; esac
  done
  echo $total
}
# A JVM is measured in steady state: after WARMUP_JVM, load continues in 10 s slices until the JIT compilers used
# under 2 % of the process's CPU in the last slice (on 2 shared cores C2 keeps compiling for 40-70 s of load).
warm_jvm() { # threads connections url pid
  wrk -t"$1" -c"$2" -d"$WARMUP_JVM" -H "X-API-Key: $KEY" "$3" > /dev/null
  local waited=${WARMUP_JVM%s} cpu0 jit0
  while [ "$waited" -lt "$WARMUP_JVM_MAX" ]; do
    cpu0=$(cpu_ticks "$4"); jit0=$(jit_ticks "$4")
    wrk -t"$1" -c"$2" -d10s -H "X-API-Key: $KEY" "$3" > /dev/null
    waited=$((waited + 10))
    [ $(( ($(jit_ticks "$4") - jit0) * 50 )) -lt $(( $(cpu_ticks "$4") - cpu0 )) ] && break
  done
  echo "$waited"
}

GW_SMALL_CHECK="http://127.0.0.1:18080/api/v1/accounts/bench/available-numbers?areaCode=919&quantity=3"
GW_BIG_CHECK="http://127.0.0.1:18080/api/v1/accounts/big/available-numbers?areaCode=919&quantity=5000&details=true"
echo "== 5. startup and memory at rest: packaged jar, extracted jar, extracted jar with class data sharing"
start_gateway "$GATEWAY_JAR"
STARTUP_FAT=$STARTUP_MS; RSS_REST_FAT=$(rss_mb $GATEWAY_PID); kill $GATEWAY_PID; wait $GATEWAY_PID 2>/dev/null || true
java $JVM_FLAGS -XX:ArchiveClassesAtExit="$WORK/app.jsa" -Dspring.context.exit=onRefresh \
  -jar "$APP_JAR" > "$WORK/cds-training.log" 2>&1 || true
start_gateway "$APP_JAR" "-XX:SharedArchiveFile=$WORK/app.jsa"
STARTUP_CDS=$STARTUP_MS; RSS_REST_CDS=$(rss_mb $GATEWAY_PID); kill $GATEWAY_PID; wait $GATEWAY_PID 2>/dev/null || true
start_gateway "$APP_JAR"   # the load scenarios run on this one
STARTUP_PLAIN=$STARTUP_MS; RSS_REST=$(rss_mb $GATEWAY_PID)
java -jar "$SCG_JAR" > "$WORK/scg.log" 2>&1 & SCG_PID=$!; PIDS+=($SCG_PID)
until curl -sf -o /dev/null http://127.0.0.1:18083/api/accounts/bench/availableNumbers; do sleep 0.1; done
for url in "$GW_SMALL_CHECK" "$GW_BIG_CHECK"; do
  curl -sf -o /dev/null -H "X-API-Key: $KEY" "$url" || { echo "the gateway does not answer $url" >&2; exit 1; }
done

SMALL_PATH="/api/accounts/bench/availableNumbers?areaCode=919&quantity=3"
GW_SMALL="http://127.0.0.1:18080/api/v1/accounts/bench/available-numbers?areaCode=919&quantity=3"
GW_BIG="http://127.0.0.1:18080/api/v1/accounts/big/available-numbers?areaCode=919&quantity=5000&details=true"
GW_SLOW="http://127.0.0.1:18080/api/v1/accounts/slow/available-numbers?areaCode=919&quantity=3"
run_wrk() { # name threads connections url [server pid: warmed until its JIT settles, CPU per request]
  local warmed=""
  if [ -n "${5:-}" ]; then warmed=$(warm_jvm "$2" "$3" "$4" "$5")
  else wrk -t"$2" -c"$3" -d"$WARMUP" -H "X-API-Key: $KEY" "$4" > /dev/null; fi
  local before=$([ -n "${5:-}" ] && cpu_ticks "$5")
  wrk -t"$2" -c"$3" -d"$DURATION" --latency -H "X-API-Key: $KEY" "$4" > "$WORK/$1.txt"
  local used=$([ -n "${5:-}" ] && echo $(( $(cpu_ticks "$5") - before )))
  python3 bench/parse_wrk.py "$1" "$WORK/$1.txt" "${used:-}" "$warmed" >> "$WORK/results.jsonl"
}

echo "== 1. saturation, small search"
run_wrk direct 2 64 "http://127.0.0.1:18081$SMALL_PATH"
run_wrk nginx_proxy 2 64 "http://127.0.0.1:18082$SMALL_PATH"
run_wrk scg 2 64 "http://127.0.0.1:18083$SMALL_PATH" $SCG_PID
run_wrk gateway 2 64 "$GW_SMALL" $GATEWAY_PID
RSS_LOAD=$(rss_mb $GATEWAY_PID)
if [ -n "${ONLY_SATURATION:-}" ]; then
  python3 bench/report.py "$WORK/results.jsonl" "$WORK/quick" >/dev/null; cat "$WORK/results.jsonl"; exit 0
fi
echo "== 2. added latency at moderate load"
run_wrk direct_c8 1 8 "http://127.0.0.1:18081$SMALL_PATH"
run_wrk gateway_c8 1 8 "$GW_SMALL" $GATEWAY_PID
echo "== 3. 5000-number detailed search"
run_wrk direct_big 1 1 "http://127.0.0.1:18081/api/accounts/big/availableNumbers"
run_wrk gateway_big 1 1 "$GW_BIG" $GATEWAY_PID
echo "== 4. 2000 concurrent requests, 1 s upstream delay"
THREADS_BEFORE=$(threads $GATEWAY_PID)
# wrk's default 2 s timeout would count as errors requests that are merely queued: 2,000 connections in a closed
# loop on 2 cores shared with wrk. The gateway answers every request within its deadline (gateway.resilience.deadline,
# 15 s: a 504 at the latest), so wrk waits longer than that and every request's fate (200, 503 or 504) is seen; with
# 10 s, one request still in flight at 10 s counted as a socket error (bench/results/2026-11-28T16-45-05Z.md).
wrk -t2 -c2000 -d"$DURATION" --timeout 20s --latency -H "X-API-Key: $KEY" "$GW_SLOW" > "$WORK/slow.txt" || true
python3 bench/parse_wrk.py gateway_slow_2000 "$WORK/slow.txt" >> "$WORK/results.jsonl"
THREADS_AFTER=$(threads $GATEWAY_PID); RSS_SLOW=$(rss_mb $GATEWAY_PID)
kill $GATEWAY_PID; wait $GATEWAY_PID 2>/dev/null || true

python3 bench/report.py "$WORK/results.jsonl" "$ROOT/bench/results" \
  startup_packaged_jar_ms="$STARTUP_FAT" startup_extracted_ms="$STARTUP_PLAIN" startup_extracted_cds_ms="$STARTUP_CDS" \
  rss_rest_packaged_jar_mb="$RSS_REST_FAT" rss_rest_extracted_mb="$RSS_REST" rss_rest_extracted_cds_mb="$RSS_REST_CDS" \
  rss_load_mb="$RSS_LOAD" rss_slow_mb="$RSS_SLOW" threads_before="$THREADS_BEFORE" threads_after="$THREADS_AFTER"
