#!/usr/bin/env python3
"""A bounded soak with faults: mixed traffic through the gateway against a Bandwidth sandbox that misbehaves, a
credential rotation halfway through, then an audit of what callers were told against what the sandbox holds.

Two processes of the packaged jar, both started and stopped here, on loopback:
  - "Bandwidth": the jar in sandbox mode; its fault controls inject latency, a share of 503s, malformed bodies and
    429s with a reset time, in cycles;
  - the gateway: sandbox off, pointed at the first one, credentials from the file backend. Halfway through, the
    account's credential moves from the legacy API user (Basic) to OAuth2 client credentials, as every account must
    since 2026-12-02: no request may fail because of it.
Callers retry every failed write with the same Idempotency-Key until it is answered for good. The audit then checks:
every order a caller was told was accepted exists exactly once at the sandbox; no Idempotency-Key bought twice; no
number is in two completed orders; no reservation a caller was told about is left held. It prints latency
percentiles per operation and the gateway's peak resident memory, and exits 1 on any loss, duplicate or leak.

  SOAK_SECONDS=600 bench/soak.py        (default 600; the jar must be built: ./mvnw -DskipTests package)
"""
import glob
import http.client
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from base64 import b64encode

SECONDS = int(os.environ.get("SOAK_SECONDS", "600"))
WORKERS = int(os.environ.get("SOAK_WORKERS", "6"))
ACCOUNT = "9900000"
API_KEY = "soak-key-" + os.urandom(6).hex()
BASIC_PASSWORD = "soak-basic-" + os.urandom(6).hex()
CLIENT_SECRET = "soak-oauth-" + os.urandom(6).hex()
FINAL_CODES = {400, 403, 404, 409, 422}   # answered for good: retrying cannot change the outcome
HERE = os.path.dirname(os.path.abspath(__file__))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(port, method, path, body=None, headers=None, timeout=30):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        data = None if body is None else json.dumps(body).encode()
        all_headers = {"Content-Type": "application/json"} if data is not None else {}
        all_headers.update(headers or {})
        conn.request(method, path, body=data, headers=all_headers)
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    except OSError as ex:
        return 0, str(ex)
    finally:
        conn.close()


def wait_ready(port, seconds=90):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if call(port, "GET", "/actuator/health/readiness", timeout=2)[0] == 200:
            return
        time.sleep(0.3)
    raise SystemExit("process on port %d did not become ready" % port)


class Soak:
    def __init__(self):
        self.jar = sorted(glob.glob(os.path.join(HERE, "..", "target", "numbers-gateway-*.jar")))[0]
        self.bw_port, self.gw_port = free_port(), free_port()
        self.credentials = tempfile.mkdtemp(prefix="soak-credentials-")
        self.lock = threading.Lock()
        self.latencies = {}
        self.statuses = {}
        self.told_orders = {}       # idempotency key -> order id the caller was told about
        self.reservations = {}      # reservation id -> "held" | "ordered" | "released"
        self.owned = []             # numbers the caller holds (completed orders)
        self.rotation_failures = 0
        self.rss_peak = 0
        self.stop = threading.Event()
        self.processes = []

    # ---- processes -------------------------------------------------------------------------------------------
    def start(self):
        bw_base = "http://127.0.0.1:%d/sandbox/bandwidth/api" % self.bw_port
        self.write_credential({"username": "sandbox-user", "password": BASIC_PASSWORD})
        self.spawn("bandwidth", self.bw_port, ["--gateway.sandbox.password=" + BASIC_PASSWORD,
                   "--gateway.sandbox.client-secret=" + CLIENT_SECRET, "--gateway.sandbox.order-delay=1s",
                   "--gateway.resilience.account-rate-limit=1000"])
        key_hash = __import__("hashlib").sha256(API_KEY.encode()).hexdigest()
        self.spawn("gateway", self.gw_port, [
            "--gateway.sandbox.enabled=false", "--gateway.bandwidth.base-url=" + bw_base,
            "--gateway.bandwidth.token-url=" + bw_base + "/v1/oauth2/token",
            "--gateway.bandwidth.response-timeout=3s", "--gateway.resilience.deadline=6s",
            "--gateway.resilience.account-rate-limit=40",
            "--gateway.credentials.backend=file", "--gateway.credentials.file.directory=" + self.credentials,
            "--gateway.credentials.file.cache-ttl=2s",
            "--gateway.accounts.%s.default-site-id=1001" % ACCOUNT, "--gateway.accounts.%s.default-peer-id=500001"
            % ACCOUNT, "--gateway.clients[0].name=soak", "--gateway.clients[0].api-key-sha256=" + key_hash,
            "--gateway.clients[0].accounts=" + ACCOUNT, "--gateway.clients[0].scopes=numbers:read,numbers:write",
            "--gateway.clients[0].requests-per-second=10000", "--gateway.clients[0].max-order-quantity=10"])
        wait_ready(self.bw_port)
        wait_ready(self.gw_port)

    def spawn(self, name, port, args):
        log = open(os.path.join(tempfile.gettempdir(), "soak-%s.log" % name), "w")
        process = subprocess.Popen(["java", "-Xmx256m", "-XX:+UseSerialGC", "-jar", self.jar,
                                    "--server.port=%d" % port] + args, stdout=log, stderr=subprocess.STDOUT)
        self.processes.append((name, process))

    def stop_all(self):
        for _, process in self.processes:
            process.send_signal(signal.SIGTERM)
        for _, process in self.processes:
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(self.credentials, ignore_errors=True)

    def write_credential(self, keys):
        folder = os.path.join(self.credentials, ACCOUNT)
        os.makedirs(folder, exist_ok=True)
        for key, value in keys.items():
            path = os.path.join(folder, key)
            with open(path + ".new", "w") as f:
                f.write(value)
            os.replace(path + ".new", path)

    def rotate(self):
        """Legacy API user -> OAuth2 client credentials: the new keys first, the old ones removed after."""
        self.write_credential({"client-id": "sandbox-client", "client-secret": CLIENT_SECRET})
        time.sleep(5)
        for old in ("username", "password"):
            os.remove(os.path.join(self.credentials, ACCOUNT, old))
        print("rotated the account's credential to OAuth2 client credentials", flush=True)

    # ---- faults and monitoring -------------------------------------------------------------------------------
    def faults(self):
        admin = {"X-API-Key": "sandbox-dev-key"}
        cycle = [{"latencyMillis": 20}, {"latencyMillis": 20, "failureStatus": 503, "failureRate": 0.1},
                 {"malformedBody": True}, {"rateLimitSeconds": 2}, None]
        for i in range(10 ** 6):
            fault = cycle[i % len(cycle)]
            if fault is None:
                call(self.bw_port, "DELETE", "/sandbox/admin/faults", headers=admin)
            else:
                call(self.bw_port, "PUT", "/sandbox/admin/faults", fault, admin)
            if self.stop.wait(3 if fault and fault.get("malformedBody") else 15):
                break
        call(self.bw_port, "DELETE", "/sandbox/admin/faults", headers=admin)

    def memory(self):
        gateway = dict(self.processes)["gateway"]
        while not self.stop.wait(5):
            with open("/proc/%d/status" % gateway.pid) as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        self.rss_peak = max(self.rss_peak, int(line.split()[1]) // 1024)

    # ---- traffic ---------------------------------------------------------------------------------------------
    def request(self, op, method, path, body=None, key=None):
        headers = {"X-API-Key": API_KEY}
        if key:
            headers["Idempotency-Key"] = key
        start = time.perf_counter()
        status, text = call(self.gw_port, method, "/api/v1/accounts/%s%s" % (ACCOUNT, path), body, headers)
        with self.lock:
            self.latencies.setdefault(op, []).append((time.perf_counter() - start) * 1000)
            self.statuses.setdefault(op, {}).setdefault(status, 0)
            self.statuses[op][status] += 1
            if status == 502 and "credentials" in text:
                self.rotation_failures += 1
        return status, text

    def until_final(self, op, method, path, body):
        """A write retried with one key until it is answered for good (or 40 tries, about two minutes)."""
        key = "soak-" + os.urandom(8).hex()
        for attempt in range(40):
            status, text = self.request(op, method, path, body, key)
            if status in (200, 201) or status in FINAL_CODES and '"idempotency_key_in_use"' not in text:
                return key, status, text
            time.sleep(min(3.0, 0.2 * (attempt + 1)) * random.uniform(0.5, 1.0))
        return key, 0, "gave up"

    def worker(self, rng):
        while not self.stop.is_set():
            roll = rng.random()
            if roll < 0.45:
                self.request("search", "GET", "/available-numbers?areaCode=919&quantity=5")
            elif roll < 0.65:
                self.reserve_and_maybe_order(rng)
            elif roll < 0.85:
                self.order({"name": "soak", "selection": {"type": "areaCode", "areaCode": "919", "quantity": 1}})
            elif roll < 0.95:
                self.disconnect()
            else:
                with self.lock:
                    known = list(self.told_orders.values())
                if known:
                    self.request("read order", "GET", "/orders/" + rng.choice(known))

    def reserve_and_maybe_order(self, rng):
        status, text = self.request("search", "GET", "/available-numbers?areaCode=919&quantity=5")
        if status != 200:
            return
        numbers = [n["phoneNumber"] for n in json.loads(text)["numbers"]]
        if not numbers:
            return
        number = rng.choice(numbers)
        _, status, text = self.until_final("reserve", "POST", "/reservations", {"phoneNumber": number})
        if status != 201:
            return
        reservation = json.loads(text)["id"]
        with self.lock:
            self.reservations[reservation] = "held"
        if rng.random() < 0.5:
            ordered = self.order({"name": "soak", "selection": {"type": "phoneNumbers", "phoneNumbers": [number],
                                                                 "reservationIds": [reservation]}})
            with self.lock:
                self.reservations[reservation] = "ordered" if ordered else "held"
        if self.reservations[reservation] == "held":
            self.release(reservation)

    def release(self, reservation):
        for _ in range(40):
            status, _ = self.request("release", "DELETE", "/reservations/" + reservation)
            if status in (204, 404):
                with self.lock:
                    self.reservations[reservation] = "released"
                return
            time.sleep(0.5)

    def order(self, body):
        key, status, text = self.until_final("order", "POST", "/orders", body)
        if status == 201:
            order = json.loads(text)
            with self.lock:
                self.told_orders[key] = order["id"]
            return True
        return False

    def disconnect(self):
        with self.lock:
            if not self.owned:
                return
            number = self.owned.pop()
        self.until_final("disconnect", "POST", "/disconnects", {"phoneNumbers": [number]})

    def collect_owned(self):
        """Numbers of completed orders become disconnect candidates (at most 20 orders read every 10 s)."""
        seen = set()
        while not self.stop.wait(10):
            with self.lock:
                ids = [i for i in self.told_orders.values() if i not in seen]
            for order_id in ids[:20]:
                status, text = self.request("read order", "GET", "/orders/" + order_id)
                order = json.loads(text) if status == 200 else {}
                if order.get("status") in ("COMPLETE", "PARTIAL", "FAILED", "BACKORDERED"):
                    seen.add(order_id)
                    with self.lock:
                        self.owned.extend(order["completedNumbers"])

    # ---- audit -----------------------------------------------------------------------------------------------
    def bandwidth(self, path):
        auth = "Basic " + b64encode(("sandbox-user:" + BASIC_PASSWORD).encode()).decode()
        return call(self.bw_port, "GET", "/sandbox/bandwidth/api/accounts/%s%s" % (ACCOUNT, path),
                    headers={"Authorization": auth})

    def sandbox_orders(self):
        rows, page = [], "1"
        while page:
            status, text = self.bandwidth("/orders?page=%s&size=1000" % page)
            if status != 200:
                raise SystemExit("the sandbox's order list answered %d" % status)
            listing = ET.fromstring(text).find("ListOrderIdUserIdDate")
            for row in listing.findall("OrderIdUserIdDate"):
                rows.append((row.findtext("orderId"), row.findtext("CustomerOrderId")))
            nxt = listing.findtext("Links/next") or ""
            page = nxt.split("page=")[1].split("&")[0].split(">")[0] if "page=" in nxt else None
        return rows

    def audit(self):
        time.sleep(3)  # the last orders finish (order delay 1 s)
        rows = self.sandbox_orders()
        ids = [r[0] for r in rows]
        problems = []
        for key, order_id in self.told_orders.items():
            if ids.count(order_id) != 1:
                problems.append("order %s (key %s) exists %d times at the sandbox" % (order_id, key, ids.count(order_id)))
        references = [r[1] for r in rows if r[1] and r[1].startswith("idem-")]
        duplicates = {ref for ref in references if references.count(ref) > 1}
        problems += ["Idempotency-Key reference %s was ordered twice" % ref for ref in duplicates]
        bought = {}
        for order_id in ids:
            status, text = self.bandwidth("/orders/" + order_id)
            if status == 200 and ET.fromstring(text).findtext("OrderStatus") in ("COMPLETE", "PARTIAL"):
                for number in ET.fromstring(text).iterfind(".//CompletedNumbers/TelephoneNumber/FullNumber"):
                    bought.setdefault(number.text, []).append(order_id)
        problems += ["number %s was bought by %s" % (n, o) for n, o in bought.items() if len(o) > 1]
        for reservation, state in self.reservations.items():
            if state == "held" or (state == "released" and self.bandwidth("/tnreservation/" + reservation)[0] == 200):
                problems.append("reservation %s is still held" % reservation)
        if self.rotation_failures:
            problems.append("%d requests failed on the gateway's credentials" % self.rotation_failures)
        return rows, bought, problems

    def run(self):
        self.start()
        print("soak: %d s, %d workers, gateway on %d, sandbox on %d" % (SECONDS, WORKERS, self.gw_port, self.bw_port),
              flush=True)
        helpers = [threading.Thread(target=t, daemon=True) for t in (self.faults, self.memory, self.collect_owned)]
        workers = [threading.Thread(target=self.worker, args=(random.Random(i),), daemon=True) for i in range(WORKERS)]
        for thread in helpers + workers:
            thread.start()
        time.sleep(SECONDS / 2)
        self.rotate()
        time.sleep(SECONDS / 2)
        self.stop.set()
        for thread in workers:
            thread.join(150)
        for reservation, state in list(self.reservations.items()):
            if state == "held":
                self.release(reservation)
        rows, bought, problems = self.audit()
        self.report(rows, bought, problems)
        return 1 if problems else 0

    def report(self, rows, bought, problems):
        print("\n| operation | requests | p50 ms | p99 ms | statuses |\n|---|---|---|---|---|")
        for op, values in sorted(self.latencies.items()):
            values.sort()
            p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
            codes = ", ".join("%s: %d" % (k, v) for k, v in sorted(self.statuses[op].items()))
            print("| %s | %d | %.1f | %.1f | %s |" % (op, len(values), statistics.median(values), p99, codes))
        print("\norders told accepted: %d; orders at the sandbox: %d; numbers bought: %d; reservations: %d "
              "(released or ordered: %d); gateway peak RSS: %d MiB" % (len(self.told_orders), len(rows), len(bought),
              len(self.reservations), sum(1 for s in self.reservations.values() if s != "held"), self.rss_peak))
        print("audit: " + ("PASSED: no loss, no duplicate, no leak" if not problems else "FAILED"))
        for problem in problems[:50]:
            print("  - " + problem)


if __name__ == "__main__":
    soak = Soak()
    try:
        sys.exit(soak.run())
    finally:
        soak.stop_all()
