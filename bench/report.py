"""Prints the benchmark table and writes it as Markdown and JSON to bench/results/."""
import datetime
import json
import os
import sys

rows = {r["name"]: r for r in (json.loads(line) for line in open(sys.argv[1]) if line.strip())}
extra = dict(arg.split("=", 1) for arg in sys.argv[3:])
stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H-%M-%SZ")


def ratio(a, b):
    return round(rows[a]["rps"] / rows[b]["rps"], 3) if rows.get(a) and rows.get(b) and rows[b]["rps"] else None


def added(pct):
    g, d = rows.get("gateway_c8", {}).get(pct), rows.get("direct_c8", {}).get(pct)
    return round(g - d, 3) if g is not None and d is not None else None


summary = {
    "gateway_vs_nginx_proxy_throughput": ratio("gateway", "nginx_proxy"),
    "scg_vs_nginx_proxy_throughput": ratio("scg", "nginx_proxy"),
    **({"floor_vs_nginx_proxy_throughput": ratio("floor", "nginx_proxy")} if "floor" in rows else {}),
    "added_latency_p50_ms": added("p50_ms"),
    "added_latency_p99_ms": added("p99_ms"),
    "big_search_gateway_p50_ms": rows.get("gateway_big", {}).get("p50_ms"),
    "big_search_direct_p50_ms": rows.get("direct_big", {}).get("p50_ms"),
    **extra,
}
os.makedirs(sys.argv[2], exist_ok=True)
with open(os.path.join(sys.argv[2], f"{stamp}.json"), "w") as f:
    json.dump({"when": stamp, "summary": summary, "runs": list(rows.values())}, f, indent=2)
lines = [f"# Benchmark {stamp}", "",
         "| run | req/s | p50 ms | p99 ms | requests | non-2xx | socket errors | server CPU µs/request | warm-up s |",
         "|---|---|---|---|---|---|---|---|---|"]
for r in rows.values():
    lines.append(f"| {r['name']} | {r['rps']:.0f} | {r['p50_ms']} | {r['p99_ms']} | {r['requests']} | "
                 f"{r['non_2xx']} | {r['socket_errors']} | {r.get('cpu_us_per_request', '')} | {r.get('warmup_s', '')} |")
lines += ["", "| measure | value |", "|---|---|"] + [f"| {k} | {v} |" for k, v in summary.items()]
text = "\n".join(lines) + "\n"
with open(os.path.join(sys.argv[2], f"{stamp}.md"), "w") as f:
    f.write(text)
print(text)
