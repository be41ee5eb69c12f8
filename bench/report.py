"""Prints the benchmark table and writes it as Markdown and JSON to bench/results/.
Usage: report.py results.jsonl startup.jsonl out-dir [key=value ...]"""
import datetime
import json
import os
import sys

rows = {r["name"]: r for r in (json.loads(line) for line in open(sys.argv[1]) if line.strip())}
starts = [json.loads(line) for line in open(sys.argv[2]) if line.strip()] if os.path.exists(sys.argv[2]) else []
extra = dict(arg.split("=", 1) for arg in sys.argv[4:])
stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H-%M-%SZ")
JVMS = ("gateway", "scg", "floor")
TITLES = {"gateway": "gateway", "scg": "Spring Cloud Gateway", "floor": "floor", "nginx_proxy": "nginx as a proxy",
          "direct": "nginx direct"}


def span(name, key):
    values = sorted(s[key] for s in starts if s["name"] == name)
    if not values:
        return None
    return f"{values[0]}" if values[0] == values[-1] else f"{values[0]}-{values[-1]}"


def median(name, key):
    values = sorted(s[key] for s in starts if s["name"] == name)
    return values[len(values) // 2] if values else None


def added(name, pct):
    g, d = rows.get(f"{name}_c8", {}).get(pct), rows.get("direct_c8", {}).get(pct)
    return round(g - d, 2) if g is not None and d is not None else None


def ratio(a, b, key="rps"):
    x, y = rows.get(a, {}).get(key), rows.get(b, {}).get(key)
    return round(x / y, 2) if x and y else None


summary = {
    "gateway_vs_scg_throughput": ratio("gateway", "scg"),
    "gateway_vs_scg_cpu_per_request": ratio("gateway", "scg", "cpu_us_per_request"),
    "gateway_vs_floor_throughput": ratio("gateway", "floor"),
    "gateway_vs_nginx_proxy_throughput": ratio("gateway", "nginx_proxy"),
    "gateway_ready_ms_median": median("gateway", "ready_ms"),
    "scg_ready_ms_median": median("scg", "ready_ms"),
    "gateway_rss_rest_mb_median": median("gateway", "rss_mb"),
    "gateway_no_cache_ready_ms": median("gateway_no_cache", "ready_ms"),
    "added_latency_p50_ms": added("gateway", "p50_ms"),
    "added_latency_p99_ms": added("gateway", "p99_ms"),
    "big_search_gateway_p50_ms": rows.get("gateway_big", {}).get("p50_ms"),
    "big_search_direct_p50_ms": rows.get("direct_big", {}).get("p50_ms"),
    **extra,
}
os.makedirs(sys.argv[3], exist_ok=True)
with open(os.path.join(sys.argv[3], f"{stamp}.json"), "w") as f:
    json.dump({"when": stamp, "summary": summary, "runs": list(rows.values()), "starts": starts}, f, indent=2)


def cell(value, fmt="{}"):
    return "" if value is None else fmt.format(value)


lines = [f"# Benchmark {stamp}", "",
         "| | req/s | CPU µs/request | added p50 ms | added p99 ms | ready ms | RSS at rest MB | req/s vs SCG | CPU vs SCG |",
         "|---|---|---|---|---|---|---|---|---|"]
for name in JVMS + ("nginx_proxy", "direct"):
    r = rows.get(name)
    if not r:
        continue
    lines.append(f"| {TITLES[name]} | {r['rps']:.0f} | {cell(r.get('cpu_us_per_request'))} | "
                 f"{cell(added(name, 'p50_ms'))} | {cell(added(name, 'p99_ms'))} | {cell(span(name, 'ready_ms'))} | "
                 f"{cell(span(name, 'rss_mb'))} | {cell(ratio(name, 'scg'))} | "
                 f"{cell(ratio(name, 'scg', 'cpu_us_per_request'))} |")
lines += ["", "| run | req/s | p50 ms | p99 ms | requests | non-2xx | socket errors | server CPU µs/request | warm-up s |",
          "|---|---|---|---|---|---|---|---|---|"]
for r in rows.values():
    lines.append(f"| {r['name']} | {r['rps']:.0f} | {r['p50_ms']} | {r['p99_ms']} | {r['requests']} | "
                 f"{r['non_2xx']} | {r['socket_errors']} | {r.get('cpu_us_per_request', '')} | {r.get('warmup_s', '')} |")
lines += ["", "| measure | value |", "|---|---|"] + [f"| {k} | {v} |" for k, v in summary.items()]
text = "\n".join(lines) + "\n"
with open(os.path.join(sys.argv[3], f"{stamp}.md"), "w") as f:
    f.write(text)
print(text)
