#!/usr/bin/env bash
# A/B of two gateway builds on the small search (scenario 1's load), for judging one change. Both JVMs run side by
# side; after each is warmed until its JIT settles, the load alternates between them in short slices, so the shared
# machine's drift (the same build moves by a third between fresh JVMs measured minutes apart) hits both alike.
# Each generation starts two fresh JVMs. Prints, and writes as Markdown to bench/results/, CPU per request and
# requests per second per build and generation, with every slice.
# Usage: bench/ab.sh BEFORE.jar AFTER.jar      GENERATIONS=3 ROUNDS=8 SLICE=5s (whole seconds); about 4 minutes per generation
#        FLAGS_BEFORE=... FLAGS_AFTER=... add JVM flags to one build (the same jar twice judges a flag)
set -euo pipefail
[ $# -eq 2 ] && [ -f "$1" ] && [ -f "$2" ] || { echo "usage: bench/ab.sh BEFORE.jar AFTER.jar" >&2; exit 2; }
JARS=("$(realpath "$1")" "$(realpath "$2")")
GENERATIONS=${GENERATIONS:-3}; ROUNDS=${ROUNDS:-8}; SLICE=${SLICE:-5s}
FLAGS=("${FLAGS_BEFORE:-}" "${FLAGS_AFTER:-}")
WARMUP_JVM=${WARMUP_JVM:-60s}
source "$(dirname "$0")/common.sh"
start_upstream

PORTS=(18080 18090)
SMALL="/api/v1/accounts/bench/available-numbers?areaCode=919&quantity=3"
OUT="bench/results/ab-$(date -u +%Y-%m-%dT%H-%M-%SZ).md"
{
  echo "# A/B, small search, CPU µs per request (lower is better) and req/s"
  echo
  echo "- before: \`$1\` ($(sha256sum "$1" | cut -c1-12))${FLAGS[0]:+ with \`${FLAGS[0]}\`};" \
    "after: \`$2\` ($(sha256sum "$2" | cut -c1-12))${FLAGS[1]:+ with \`${FLAGS[1]}\`}"
  echo "- JVM flags: \`$JVM_FLAGS\`; wrk -t2 -c64; $ROUNDS rounds of $SLICE per build, alternating"
  echo
  echo "| generation | before µs | before req/s | after µs | after req/s | slices µs (before/after) |"
  echo "|---|---|---|---|---|---|"
} > "$WORK/ab.md"
TICK=$(getconf CLK_TCK)
us_per_request() { echo $(( $1 * 1000000 / TICK / $2 )); } # ticks requests
slice() { # port pid -> "requests ticks"
  local c0=$(cpu_ticks "$2") n
  n=$(wrk -t2 -c64 -d"$SLICE" -H "X-API-Key: $KEY" "http://127.0.0.1:$1$SMALL" | awk '/requests in/{print $1}')
  echo "$n $(( $(cpu_ticks "$2") - c0 ))"
}
SEPARATOR=(" " "/")   # a round's slices print as before/after
for g in $(seq "$GENERATIONS"); do
  PID=()
  for i in 0 1; do start_gateway "${JARS[$i]}" "${FLAGS[$i]}" "${PORTS[$i]}"; PID[$i]=$GATEWAY_PID; done
  for i in 0 1; do warm_jvm 2 64 "http://127.0.0.1:${PORTS[$i]}$SMALL" "${PID[$i]}" > /dev/null; done
  REQ=(0 0); TICKS=(0 0); SLICES=""
  for r in $(seq "$ROUNDS"); do
    for i in 0 1; do
      read -r n t < <(slice "${PORTS[$i]}" "${PID[$i]}")
      REQ[$i]=$(( REQ[i] + n )); TICKS[$i]=$(( TICKS[i] + t ))
      SLICES="$SLICES${SEPARATOR[$i]}$(us_per_request "$t" "$n")"
    done
  done
  ROW="| $g |"
  for i in 0 1; do ROW="$ROW $(us_per_request "${TICKS[$i]}" "${REQ[$i]}") | $(( REQ[i] / (ROUNDS * ${SLICE%s}) )) |"; done
  echo "$ROW$SLICES |" | tee -a "$WORK/ab.md"
  for i in 0 1; do stop "${PID[$i]}"; done
done
cp "$WORK/ab.md" "$OUT"
echo "written: $OUT"
