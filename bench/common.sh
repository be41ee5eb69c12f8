# Shared by run.sh and ab.sh (sourced, not run): the recorded upstream, the gateway's start with the container's
# flags, and the CPU and warm-up helpers. Every process started here is stopped by PID when the script exits.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
WORK=$(mktemp -d /tmp/numbers-bench.XXXXXX)
WARMUP_JVM=${WARMUP_JVM:-20s} # the least a JVM is warmed; then on until its JIT has settled (see warm_jvm)
WARMUP_JVM_MAX=${WARMUP_JVM_MAX:-90}  # seconds: the most a JVM is warmed, settled or not
KEY=bench-key
PIDS=()

cleanup() {
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

command -v wrk >/dev/null && command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk nginx; }
ulimit -n 65536 || true
# What both stand-in token endpoints (nginx's and slow_upstream.py's) answer; the gateway fetches one per hour.
export TOKEN_ANSWER='{"access_token":"bench-token","token_type":"Bearer","expires_in":3600}'

start_upstream() { # nginx with recorded Bandwidth answers on 18081, nginx as a plain proxy on 18082, 1 s upstream on
  # 18084, the orders stand-in on 18086 (18085 is the floor's)
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
    location = /api/accounts/bench/orders { proxy_pass http://127.0.0.1:18086; }
    location = /api/accounts/slow/availableNumbers { proxy_pass http://127.0.0.1:18084; }
    location = /api/oauth2/token {
      default_type application/json;
      return 200 '$TOKEN_ANSWER';
    }
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
  start_slow_upstream 18084 1
  python3 bench/order_upstream.py "$WORK/order.xml" 18086 & PIDS+=($!)
}

start_slow_upstream() { # port delay-seconds: the small search answered after the delay (the fixtures must exist)
  python3 bench/slow_upstream.py "$WORK/small.xml" "$1" "$2" & PIDS+=($!)
}

# Builds the gateway and extracts it as the image runs it (the class path in the manifest): sets GATEWAY_JAR, the
# packaged jar, and APP_JAR, the extracted one.
build_gateway() {
  ./mvnw -B -q -DskipTests package
  GATEWAY_JAR=$(ls target/numbers-gateway-*.jar | grep -v original | head -1)
  "$JAVA" -Djarmode=tools -jar "$GATEWAY_JAR" extract --destination "$WORK/app" > /dev/null
  APP_JAR=$(ls "$WORK"/app/*.jar)
}

# Every JVM here (gateway, Spring Cloud Gateway, the floor) runs on the image's runtime, Temurin 25, when the machine
# has it; JAVA=/path/to/java picks another (JDK 17 for a before/after).
if [ -z "${JAVA:-}" ]; then
  if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
  else JAVA=java; fi
fi
# The image's startup cache: an AOT cache on JDK 25 (JEP 483/514), a class data sharing archive on older JDKs.
if "$JAVA" -XX:AOTMode=off -version > /dev/null 2>&1; then
  CACHE_TRAIN="-XX:AOTCacheOutput"; CACHE_USE="-XX:AOTCache"
else
  CACHE_TRAIN="-XX:ArchiveClassesAtExit"; CACHE_USE="-XX:SharedArchiveFile"
fi

# The container's flags under the chart's 512Mi limit: MaxRAM stands in for the cgroup limit (heap 50 % of it), and
# SerialGC is what the JVM picks by itself in a pod that small (under 1792 MB it is not a "server-class machine");
# outside a container it would pick G1 from the host's memory. -Xmn64m is the image's young generation (Dockerfile).
JVM_FLAGS="${JVM_FLAGS:--XX:MaxRAM=512m -XX:MaxRAMPercentage=50 -Xmn64m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError} ${JAVA_EXTRA:-}"
start_gateway() { # jar [extra JVM flags] [port, 18080]: sets GATEWAY_PID and STARTUP_MS (launch to readiness)
  # Bandwidth is the recorded upstream on 18081 unless UPSTREAM_URL names another (steady.sh's 20 ms stub). The
  # gateway authenticates with OAuth2 client credentials, as Bandwidth requires from 2026-12-02: one token fetch, then
  # the kept token on every call.
  local started=$(date +%s%N) port=${3:-18080}
  GATEWAY_SANDBOX_ENABLED=false SERVER_PORT=$port \
  GATEWAY_BANDWIDTH_BASE_URL=${UPSTREAM_URL:-http://127.0.0.1:18081/api} \
  GATEWAY_BANDWIDTH_TOKEN_URL=${UPSTREAM_URL:-http://127.0.0.1:18081/api}/oauth2/token \
  GATEWAY_CREDENTIALS_STATIC_BENCH_CLIENT_ID=bench GATEWAY_CREDENTIALS_STATIC_BENCH_CLIENT_SECRET=bench \
  GATEWAY_CREDENTIALS_STATIC_BIG_CLIENT_ID=bench GATEWAY_CREDENTIALS_STATIC_BIG_CLIENT_SECRET=bench \
  GATEWAY_CREDENTIALS_STATIC_SLOW_CLIENT_ID=bench GATEWAY_CREDENTIALS_STATIC_SLOW_CLIENT_SECRET=bench \
  GATEWAY_CLIENTS_0_NAME=bench GATEWAY_CLIENTS_0_API_KEY_SHA256=$(printf %s "$KEY" | sha256sum | cut -c1-64) \
  GATEWAY_CLIENTS_0_ACCOUNTS=bench,big,slow GATEWAY_CLIENTS_0_SCOPES=numbers:read,numbers:write \
  GATEWAY_CLIENTS_0_REQUESTS_PER_SECOND=${CLIENT_RPS:-10000000} GATEWAY_CLIENTS_0_MAX_ORDER_QUANTITY=5000 \
  GATEWAY_RESILIENCE_ACCOUNT_RATE_LIMIT=${ACCOUNT_RPS:-10000000} GATEWAY_BANDWIDTH_MAX_CONNECTIONS=256 \
  GATEWAY_RESILIENCE_BULKHEAD_MAX_CONCURRENT=${BULKHEAD:-256} \
  "$JAVA" $JVM_FLAGS ${2:-} -jar "$1" ${GATEWAY_ARGS:-} > "$WORK/gateway-$port.log" 2>&1 &
  GATEWAY_PID=$!; PIDS+=($GATEWAY_PID)
  await_answer "http://127.0.0.1:$port/actuator/health/readiness" "$GATEWAY_PID" "$WORK/gateway-$port.log"
  STARTUP_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}
await_answer() { # url pid log: waits until url answers 2xx; stops the run if the process died first
  until curl -sf -o /dev/null "$1"; do
    kill -0 "$2" 2>/dev/null || { echo "the process did not start: $3" >&2; exit 1; }
    sleep 0.05
  done
}
stop() { kill "$1"; wait "$1" 2>/dev/null || true; }
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
