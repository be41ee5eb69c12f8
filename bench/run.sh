#!/usr/bin/env bash
# Numbers Gateway benchmark: the gateway against nginx (direct and as a plain reverse proxy) and Spring Cloud
# Gateway (pass-through), all on loopback, same run, same machine. Bounded: 6-9 minutes, fixed durations and capped warm-ups.
# Usage: bench/run.sh            (needs root for apt-get the first time; see bench/README.md)
#        FLOOR=1 bench/run.sh    adds the prescribed stack's floor (bench/floor) to scenario 1: up to 2 minutes more
set -euo pipefail
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}          # nginx needs none to speak of
source "$(dirname "$0")/common.sh"

echo "== building the gateway and the Spring Cloud Gateway peer"
build_gateway   # the load runs on the extracted jar, as in the image, with or without the trained class archive
(cd bench/scg && mvn -B -q -DskipTests package)
SCG_JAR=$(ls bench/scg/target/scg-passthrough-*.jar | grep -v original | head -1)
if [ -n "${FLOOR:-}" ]; then
  (cd bench/floor && mvn -B -q -DskipTests package)
  FLOOR_JAR=$(ls bench/floor/target/stack-floor-*.jar | grep -v original | head -1)
fi

start_upstream

GW_SMALL_CHECK="http://127.0.0.1:18080/api/v1/accounts/bench/available-numbers?areaCode=919&quantity=3"
GW_BIG_CHECK="http://127.0.0.1:18080/api/v1/accounts/big/available-numbers?areaCode=919&quantity=5000&details=true"
echo "== 5. startup and memory at rest on $("$JAVA" -version 2>&1 | head -1): packaged and extracted jar, each with and without the trained cache"
train_class_archive() { # jar cache: a training run that stops after the context refresh, as the image's build does
  "$JAVA" $JVM_FLAGS $CACHE_TRAIN="$2" -Dspring.context.exit=onRefresh -jar "$1" > "$2.log" 2>&1 || true
}
start_gateway "$GATEWAY_JAR"
STARTUP_FAT=$STARTUP_MS; RSS_REST_FAT=$(rss_mb $GATEWAY_PID); stop $GATEWAY_PID
# for classes of nested jars JDK 17 uses the archive only after Boot's class loader has found and read the bytes
train_class_archive "$GATEWAY_JAR" "$WORK/packaged.jsa"
start_gateway "$GATEWAY_JAR" "$CACHE_USE=$WORK/packaged.jsa"
STARTUP_FAT_CDS=$STARTUP_MS; RSS_REST_FAT_CDS=$(rss_mb $GATEWAY_PID); stop $GATEWAY_PID
train_class_archive "$APP_JAR" "$WORK/app.jsa"
start_gateway "$APP_JAR" "$CACHE_USE=$WORK/app.jsa"
STARTUP_CDS=$STARTUP_MS; RSS_REST_CDS=$(rss_mb $GATEWAY_PID); stop $GATEWAY_PID
start_gateway "$APP_JAR"   # the load scenarios run on this one
STARTUP_PLAIN=$STARTUP_MS; RSS_REST=$(rss_mb $GATEWAY_PID)
# the same JVM and flags as the gateway: a peer judged on equal terms
"$JAVA" $JVM_FLAGS -jar "$SCG_JAR" > "$WORK/scg.log" 2>&1 & SCG_PID=$!; PIDS+=($SCG_PID)
await_answer http://127.0.0.1:18083/api/accounts/bench/availableNumbers $SCG_PID "$WORK/scg.log"
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
if [ -n "${FLOOR:-}" ]; then # with the gateway's JVM flags; stopped before the gateway's turn
  "$JAVA" $JVM_FLAGS -jar "$FLOOR_JAR" > "$WORK/floor.log" 2>&1 & FLOOR_PID=$!; PIDS+=($FLOOR_PID)
  FLOOR_SMALL="http://127.0.0.1:18085${GW_SMALL#*18080}"   # the gateway's search URL on the floor's port
  await_answer "$FLOOR_SMALL" $FLOOR_PID "$WORK/floor.log"
  run_wrk floor 2 64 "$FLOOR_SMALL" $FLOOR_PID
  stop $FLOOR_PID
fi
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
# 10 s, one request still in flight at 10 s counted as a socket error.
wrk -t2 -c2000 -d"$DURATION" --timeout 20s --latency -H "X-API-Key: $KEY" "$GW_SLOW" > "$WORK/slow.txt" || true
python3 bench/parse_wrk.py gateway_slow_2000 "$WORK/slow.txt" >> "$WORK/results.jsonl"
THREADS_AFTER=$(threads $GATEWAY_PID); RSS_SLOW=$(rss_mb $GATEWAY_PID)
stop $GATEWAY_PID

python3 bench/report.py "$WORK/results.jsonl" "$ROOT/bench/results" \
  startup_packaged_jar_ms="$STARTUP_FAT" startup_packaged_jar_cds_ms="$STARTUP_FAT_CDS" \
  startup_extracted_ms="$STARTUP_PLAIN" startup_extracted_cds_ms="$STARTUP_CDS" \
  rss_rest_packaged_jar_mb="$RSS_REST_FAT" rss_rest_packaged_jar_cds_mb="$RSS_REST_FAT_CDS" \
  rss_rest_extracted_mb="$RSS_REST" rss_rest_extracted_cds_mb="$RSS_REST_CDS" \
  rss_load_mb="$RSS_LOAD" rss_slow_mb="$RSS_SLOW" threads_before="$THREADS_BEFORE" threads_after="$THREADS_AFTER"
