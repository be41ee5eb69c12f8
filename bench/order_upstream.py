"""A stand-in for Bandwidth's orders resource, for keyed orders in bench/state.sh: a look-up by CustomerOrderId
finds nothing (404, Bandwidth's error document) and a POST answers 201 with the recorded order.
Usage: python3 bench/order_upstream.py <order.xml> <port>"""
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ORDER = open(sys.argv[1], "rb").read()
NOT_FOUND = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ErrorResponse><ResponseStatus>'
             b"<Description>The resource does not exist</Description></ResponseStatus></ErrorResponse>")


class Orders(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def answer(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self.answer(404, NOT_FOUND)

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.answer(201, ORDER)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[2])), Orders).serve_forever()
