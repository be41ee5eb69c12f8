#!/usr/bin/env bash
# Numbers Gateway benchmark: the gateway against Spring Cloud Gateway (pass-through) and the prescribed stack's floor,
# all three on the same JVM with the same flags and each with a trained AOT cache, with nginx (direct and as a plain
# reverse proxy) as the physical references; all on loopback, same run, same machine. About 15 minutes on 2 cores.
# Usage: bench/run.sh            (needs root for apt-get the first time; see bench/README.md)
#        ONLY_SATURATION=1 bench/run.sh   startup, scenario 1 and the latency at 8 connections only
set -euo pipefail
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}          # nginx needs none to speak of; a JVM is warmed until its JIT settles (common.sh)
STARTS=${STARTS:-3}           # interleaved starts of each JVM for the ready time and resident memory at rest
REST=${REST:-5}               # seconds after ready at which resident memory is read
source "$(dirname "$0")/common.sh"

echo "== building the gateway, the Spring Cloud Gateway peer and the floor"
build_gateway   # sets APP_JAR: the extracted jar, as the image runs it
(cd bench/scg && mvn -B -q -DskipTests package)
(cd bench/floor && mvn -B -q -DskipTests package)
extract() { # name packaged-jar: extracts it as the image extracts the gateway; prints the application's jar
  "$JAVA" -Djarmode=tools -jar "$2" extract --destination "$WORK/$1" > /dev/null
  ls "$WORK/$1"/*.jar
}
SCG_JAR=$(extract scg "$(ls bench/scg/target/scg-passthrough-*.jar | grep -v original | head -1)")
FLOOR_JAR=$(extract floor "$(ls bench/floor/target/stack-floor-*.jar | grep -v original | head -1)")

start_upstream

SMALL_PATH="/api/accounts/bench/availableNumbers?areaCode=919&quantity=3"
GW_PATH="/api/v1/accounts/bench/available-numbers?areaCode=919&quantity=3"
declare -A URL=([gateway]="http://127.0.0.1:18080$GW_PATH" [scg]="http://127.0.0.1:18083$SMALL_PATH"
  [floor]="http://127.0.0.1:18085$GW_PATH")
declare -A JAR=([scg]="$SCG_JAR" [floor]="$FLOOR_JAR")
GW_BIG="http://127.0.0.1:18080/api/v1/accounts/big/available-numbers?areaCode=919&quantity=5000&details=true"
GW_SLOW="http://127.0.0.1:18080/api/v1/accounts/slow/available-numbers?areaCode=919&quantity=3"

train() { # name jar: the image's training run (stops after the context refresh) writes the name's AOT cache
  "$JAVA" $JVM_FLAGS $CACHE_TRAIN="$WORK/$1.aot" -Dspring.context.exit=onRefresh -jar "$2" > "$WORK/$1-train.log" 2>&1 || true
}
launch() { # name [extra JVM flags]: starts that JVM and waits until it serves; sets PID and READY_MS
  if [ "$1" = gateway ]; then
    start_gateway "$APP_JAR" "${2:-}"; PID=$GATEWAY_PID; READY_MS=$STARTUP_MS   # ready: readiness answers 200
    return
  fi
  local started=$(date +%s%N)   # the peers have no readiness endpoint: ready is their first search answered
  "$JAVA" $JVM_FLAGS ${2:-} -jar "${JAR[$1]}" > "$WORK/$1.log" 2>&1 & PID=$!; PIDS+=($PID)
  await_answer "${URL[$1]}" $PID "$WORK/$1.log"
  READY_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}
run_wrk() { # name threads connections url [server pid: warmed until its JIT settles, CPU per request]
  local warmed=""
  if [ -n "${5:-}" ]; then warmed=$(warm_jvm "$2" "$3" "$4" "$5")
  else wrk -t"$2" -c"$3" -d"$WARMUP" -H "X-API-Key: $KEY" "$4" > /dev/null; fi
  local before=$([ -n "${5:-}" ] && cpu_ticks "$5")
  wrk -t"$2" -c"$3" -d"$DURATION" --latency -H "X-API-Key: $KEY" "$4" > "$WORK/$1.txt"
  local used=$([ -n "${5:-}" ] && echo $(( $(cpu_ticks "$5") - before )))
  python3 bench/parse_wrk.py "$1" "$WORK/$1.txt" "${used:-}" "$warmed" >> "$WORK/results.jsonl"
}

echo "== 5. ready and resident memory at rest on $("$JAVA" -version 2>&1 | head -1), each with its trained AOT cache"
train gateway "$APP_JAR"; train scg "$SCG_JAR"; train floor "$FLOOR_JAR"
for round in $(seq "$STARTS"); do   # interleaved, so the machine's drift hits all three alike
  for name in gateway scg floor; do
    launch $name "$CACHE_USE=$WORK/$name.aot"; sleep "$REST"
    echo "{\"name\": \"$name\", \"ready_ms\": $READY_MS, \"rss_mb\": $(rss_mb $PID)}" >> "$WORK/startup.jsonl"
    stop $PID
  done
done
launch gateway; sleep "$REST"   # without a cache: what the cache saves
echo "{\"name\": \"gateway_no_cache\", \"ready_ms\": $READY_MS, \"rss_mb\": $(rss_mb $PID)}" >> "$WORK/startup.jsonl"
stop $PID

echo "== 1. saturation and 2. latency at 8 connections, small search"
run_wrk direct 2 64 "http://127.0.0.1:18081$SMALL_PATH"
run_wrk nginx_proxy 2 64 "http://127.0.0.1:18082$SMALL_PATH"
run_wrk direct_c8 1 8 "http://127.0.0.1:18081$SMALL_PATH"
for name in scg floor gateway; do   # one JVM at a time, each with its cache, warmed at saturation first
  launch $name "$CACHE_USE=$WORK/$name.aot"
  if [ $name = gateway ]; then
    curl -sf -o /dev/null -H "X-API-Key: $KEY" "$GW_BIG" || { echo "the gateway does not answer $GW_BIG" >&2; exit 1; }
  fi
  run_wrk $name 2 64 "${URL[$name]}" $PID
  run_wrk ${name}_c8 1 8 "${URL[$name]}"
  [ $name = gateway ] || stop $PID
done
RSS_LOAD=$(rss_mb $PID)
if [ -z "${ONLY_SATURATION:-}" ]; then
  echo "== 3. 5000-number detailed search"
  run_wrk direct_big 1 1 "http://127.0.0.1:18081/api/accounts/big/availableNumbers"
  run_wrk gateway_big 1 1 "$GW_BIG" $PID
  echo "== 4. 2000 concurrent requests, 1 s upstream delay"
  THREADS_BEFORE=$(threads $PID)
  # wrk's default 2 s timeout would count as errors requests that are merely queued: 2,000 connections in a closed
  # loop on 2 cores shared with wrk. The gateway answers every request within its deadline (gateway.resilience.deadline,
  # 15 s: a 504 at the latest), so wrk waits longer than that and every request's fate (200, 503 or 504) is seen.
  wrk -t2 -c2000 -d"$DURATION" --timeout 20s --latency -H "X-API-Key: $KEY" "$GW_SLOW" > "$WORK/slow.txt" || true
  python3 bench/parse_wrk.py gateway_slow_2000 "$WORK/slow.txt" >> "$WORK/results.jsonl"
  EXTRA=(rss_load_mb="$RSS_LOAD" rss_slow_mb="$(rss_mb $PID)" threads_before="$THREADS_BEFORE"
    threads_after="$(threads $PID)")
fi
stop $PID

python3 bench/report.py "$WORK/results.jsonl" "$WORK/startup.jsonl" "$ROOT/bench/results" "${EXTRA[@]:-rss_load_mb=$RSS_LOAD}"
