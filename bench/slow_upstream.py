"""A loopback upstream that answers every request after a fixed delay without blocking threads: one second for
run.sh's scenario 4, 20 ms for steady.sh. Usage: slow_upstream.py BODY_FILE PORT [DELAY_SECONDS, default 1]"""
import asyncio
import sys

body = open(sys.argv[1], "rb").read()
delay = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
response = (b"HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: "
            + str(len(body)).encode() + b"\r\n\r\n" + body)


async def handle(reader, writer):
    try:
        while True:
            request = await reader.readuntil(b"\r\n\r\n")
            if not request:
                break
            await asyncio.sleep(delay)
            writer.write(response)
            await writer.drain()
    except Exception:
        pass
    finally:
        writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", int(sys.argv[2]), backlog=4096)
    async with server:
        await server.serve_forever()

asyncio.run(main())
