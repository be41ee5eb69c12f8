#!/usr/bin/env bash
# A batch of 100 reservations against the account's Bandwidth rate limit (issue 33's figure): the gateway in sandbox
# mode (its own simulated Bandwidth, on loopback) with the account limit at RATE per second; the batch is timed
# end to end, RUNS times, and compared with 2 x (100 / RATE) seconds. About a minute.
# Usage: bench/batch.sh            RATE=50 RUNS=3 bench/batch.sh
set -euo pipefail
RATE=${RATE:-50}
RUNS=${RUNS:-3}
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests package
JAR=$(ls target/numbers-gateway-*.jar | grep -v original | head -1)
java -jar "$JAR" --server.port=18180 --gateway.resilience.account-rate-limit="$RATE" > /tmp/batch-gateway.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -sf -o /dev/null http://127.0.0.1:18180/actuator/health/readiness; do sleep 0.2; done
KEY='X-API-Key: sandbox-dev-key'
API=http://127.0.0.1:18180/api/v1/accounts/9900000
python3 - "$API" "$RATE" "$RUNS" <<'PY'
import json, sys, time, urllib.request
api, rate, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(api + path, data=data, method=method,
                                     headers={"X-API-Key": "sandbox-dev-key", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request) as answer:
            return answer.status, json.loads(answer.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")
times = []
for run in range(runs):
    status, found = call("GET", f"/available-numbers?areaCode=704&quantity=100")
    numbers = [n["phoneNumber"] for n in found["numbers"]]
    start = time.perf_counter()
    status, batch = call("POST", "/reservation-batches", {"numbers": numbers})
    took = time.perf_counter() - start
    assert status == 201, (status, batch)
    times.append(took)
    call("DELETE", f"/reservation-batches/{batch['id']}")
    time.sleep(1)
target = 2 * 100 / rate
print(f"| batch of 100 at an account limit of {rate}/s | " + ", ".join(f"{t:.2f} s" for t in times)
      + f" | target <= {target:.1f} s (2 x 100 / limit) |")
PY
