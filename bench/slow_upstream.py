"""A loopback upstream that answers every request after a fixed delay without blocking threads: one second for
run.sh's scenario 4, 20 ms for steady.sh. A POST to .../oauth2/token gets common.sh's TOKEN_ANSWER at once (the
gateway fetches one per hour). Usage (common.sh's start_slow_upstream exports TOKEN_ANSWER and starts it):
slow_upstream.py BODY_FILE PORT [DELAY_SECONDS, default 1]"""
import asyncio
import os
import sys

body = open(sys.argv[1], "rb").read()
delay = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0


def answer(content_type, content):
    return (b"HTTP/1.1 200 OK\r\nContent-Type: " + content_type + b"\r\nContent-Length: "
            + str(len(content)).encode() + b"\r\n\r\n" + content)


response = answer(b"application/xml", body)
if "TOKEN_ANSWER" not in os.environ:
    sys.exit("slow_upstream.py: TOKEN_ANSWER is not set; start it through bench/common.sh (start_slow_upstream)")
token = answer(b"application/json", os.environ["TOKEN_ANSWER"].encode())


async def handle(reader, writer):
    try:
        while True:
            request = await reader.readuntil(b"\r\n\r\n")
            if not request:
                break
            if request.startswith(b"POST ") and b"/oauth2/token " in request.split(b"\r\n", 1)[0]:
                await reader.readexactly(content_length(request))
                writer.write(token)
                await writer.drain()
                continue
            await asyncio.sleep(delay)
            writer.write(response)
            await writer.drain()
    except Exception:
        pass
    finally:
        writer.close()


def content_length(head):
    for line in head.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value.strip())
    return 0


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", int(sys.argv[2]), backlog=4096)
    async with server:
        await server.serve_forever()

asyncio.run(main())
