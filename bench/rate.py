"""A constant-rate (open-model) HTTP/1.1 load generator for loopback, in the spirit of wrk2: request i is due at
start + i / rate whatever happened before it, and its latency is measured from that due time, so a stall that holds
back later requests counts against every request it delayed (no coordinated omission). Keep-alive connections, GET
only. Prints one JSON line: achieved rate, latency percentiles in ms, non-2xx responses and errors.

Usage: rate.py NAME URL RATE SECONDS [CONNECTIONS] [HEADER: VALUE]
The generator's own timer wakes up to ~1 ms late (epoll's millisecond timeout); that lateness is the same whatever
the target, so compare two targets measured with it, not its absolute numbers with another tool's.
"""
import asyncio
import itertools
import json
import sys
import time
import urllib.parse

TIMEOUT_S = 20.0


class Target:
    def __init__(self, url, header):
        parts = urllib.parse.urlsplit(url)
        self.host, self.port = parts.hostname, parts.port or 80
        path = parts.path + ("?" + parts.query if parts.query else "")
        extra = f"{header}\r\n" if header else ""
        self.request = (f"GET {path} HTTP/1.1\r\nHost: {parts.netloc}\r\n{extra}\r\n").encode()


async def read_response(reader):
    """The status of one response, its body read to the end (Content-Length or chunked)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status


class Run:
    def __init__(self, target, rate, seconds):
        self.target, self.interval, self.total = target, 1.0 / rate, int(rate * seconds)
        self.due = itertools.count()
        self.latencies, self.non_2xx, self.errors = [], 0, 0
        self.start = time.monotonic() + 0.5   # time for every connection to open before the first request is due

    async def connection(self):
        try:
            reader, writer = await asyncio.open_connection(self.target.host, self.target.port)
        except OSError:
            reader = writer = None   # counted as an error, and tried again, by the first request
        for i in self.due:
            if i >= self.total:
                break
            due = self.start + i * self.interval
            wait = due - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                if writer is None:
                    reader, writer = await asyncio.open_connection(self.target.host, self.target.port)
                writer.write(self.target.request)
                status = await asyncio.wait_for(read_response(reader), TIMEOUT_S)
                self.latencies.append(time.monotonic() - due)
                self.non_2xx += not 200 <= status < 300
            except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError, IndexError):
                self.errors += 1
                if writer is not None:
                    writer.close()
                reader = writer = None
        if writer is not None:
            writer.close()


def percentile(ordered, p):
    return round(ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))] * 1000, 3) if ordered else None


async def main(name, url, rate, seconds, connections, header):
    run = Run(Target(url, header), rate, seconds)
    began = time.monotonic()
    await asyncio.gather(*(run.connection() for _ in range(connections)))
    elapsed = time.monotonic() - run.start
    ordered = sorted(run.latencies)
    print(json.dumps({
        "name": name, "target_rate": rate, "rate": round(len(ordered) / elapsed, 1) if elapsed > 0 else 0,
        "requests": len(ordered), "non_2xx": run.non_2xx, "errors": run.errors,
        **{f"p{p}_ms": percentile(ordered, float(p)) for p in ("50", "90", "99", "99.9")},
        "max_ms": round(ordered[-1] * 1000, 3) if ordered else None, "wall_s": round(time.monotonic() - began, 1),
    }))


if __name__ == "__main__":
    args = sys.argv[1:]
    asyncio.run(main(args[0], args[1], float(args[2]), float(args[3]), int(args[4]) if len(args) > 4 else 64,
                     args[5] if len(args) > 5 else ""))
