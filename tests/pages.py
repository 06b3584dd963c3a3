"""A local web server for the link tests: the pages of data/pages, and pages that fail.

It listens on 127.0.0.1 only, on a free port, in a thread; nothing outside the machine
is reached. Each request's path and headers are recorded, with the most requests in
flight at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"
SLOW_SECONDS = 3.0
"""How long /slow keeps the client waiting before it answers."""


@dataclass
class Served:
    """What the server saw."""

    base: str
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    in_flight: int = 0
    most_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        """The full address of a path on this server."""
        return f"{self.base}/{path.lstrip('/')}"

    def paths(self) -> list[str]:
        """The paths requested, in order."""
        with self.lock:
            return [path for path, _ in self.requests]


def _handler(served: Served) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the tests read what was requested from ``served``."""

        def do_GET(self) -> None:
            with served.lock:
                served.requests.append((self.path, dict(self.headers.items())))
                served.in_flight += 1
                served.most_in_flight = max(served.most_in_flight, served.in_flight)
            try:
                self._answer()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test): nothing to say
            finally:
                with served.lock:
                    served.in_flight -= 1

        def _answer(self) -> None:
            path = self.path.split("?")[0]
            if path == "/missing.html":
                self._send(404, b"<html><body><p>Not found</p></body></html>")
            elif path == "/slow.html":
                time.sleep(SLOW_SECONDS)
                self._send(200, (PAGES / "courier.html").read_bytes())
            elif path.startswith("/delay/"):  # /delay/NAME.html: a page after 0.3 s
                time.sleep(0.3)
                self._send(200, (PAGES / "courier.html").read_bytes())
            elif path == "/loop.html":
                self._redirect("/loop-2.html")
            elif path == "/loop-2.html":
                self._redirect("/loop.html")
            elif path == "/moved.html":
                self._redirect("/wire.html")
            elif path == "/to-file.html":
                self._redirect("file:///etc/passwd")
            elif path == "/report.pdf":
                self._send(200, b"%PDF-1.4 not a page", "application/pdf")
            elif path == "/empty.html":
                self._send(200, b"")
            elif path == "/big.html":
                self._send(200, b"<html><body>" + b"<p>Nine people were hurt.</p>" * 4000)
            elif path == "/latin1.html":
                body = (
                    "<html><head><title>Caf\u00e9 fire kills 3</title></head><body><article>"
                    "<p>Three people died when a fire swept through a caf\u00e9 in the old "
                    "town on Monday, the fire brigade said.</p><p>The caf\u00e9's owner "
                    "said 40 guests had been inside.</p></article></body></html>"
                )
                self._send(200, body.encode("latin-1"), "text/html; charset=ISO-8859-1")
            elif (PAGES / path.lstrip("/")).is_file() and "/" not in path.lstrip("/"):
                self._send(200, (PAGES / path.lstrip("/")).read_bytes())
            else:
                self._send(404, b"<html><body><p>Not found</p></body></html>")

        def _send(self, status: int, body: bytes, kind: str = "text/html; charset=utf-8") -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _redirect(self, location: str) -> None:
            self.send_response(302)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

    return Handler


@contextmanager
def serve(port: int = 0) -> Iterator[Served]:
    """Serve the pages on 127.0.0.1 (a free port unless one is given) until the block ends."""
    served = Served(base="")
    server = ThreadingHTTPServer(("127.0.0.1", port), _handler(served))
    server.daemon_threads = True
    served.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, name="test-pages", daemon=True)
    thread.start()
    try:
        yield served
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
