"""Links: pages fetched over HTTP(S), politely and within limits, and kept in a cache.

A page is fetched with a User-Agent naming factcheck and its version, a timeout
(for each network wait, and for the whole page), at most :data:`MAX_REDIRECTS`
redirects, at most ``max_bytes`` of content, and :data:`FETCH_WORKERS` pages at a time.
Only HTML pages are read (``text/html`` or ``application/xhtml+xml``); the article is
extracted as from a saved page (:mod:`factcheck.articles.html`).

Every page fetched is kept, content and headers, under the cache folder
(``pages/``; ``$FACTCHECK_CACHE_DIR`` as for claims), and a link already there is
read from it without the network: a second run on the same links works offline and
reads the same pages. ``use_cache=False`` (``--no-cache``) fetches every link again
and keeps the new copy.
"""

from __future__ import annotations

import hashlib
import queue
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from factcheck import interrupts
from factcheck.errors import InputError

from .files import DEFAULT_MAX_BYTES, read_utf8, too_large
from .html import looks_like_html

FETCH_TIMEOUT = 20.0
"""Seconds to wait for a page: for each network wait, and for the whole download."""
MAX_REDIRECTS = 5
"""Redirects followed for one link; a longer chain (or a loop) fails."""
FETCH_WORKERS = 4
"""Pages fetched at a time, at most."""
HTML_TYPES = ("text/html", "application/xhtml+xml")
"""Content types read as pages."""
PAGE_MAGIC = b"factcheck-page/1\n"
SCHEMES = ("http", "https")
_FIX_LINK = "check the link, or save the page and give the file"
_CHUNK = 65536


@dataclass(frozen=True)
class Page:
    """A page as fetched: where from, where it ended, its headers and its bytes."""

    url: str
    """The link as given."""
    final_url: str
    """Where the redirects, if any, ended."""
    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes
    fetched: str
    """When it was fetched, ISO 8601 in UTC."""

    @property
    def content_type(self) -> str:
        """The media type, lower case, without parameters ("" when not given)."""
        return _header_params(self.headers)[0]

    @property
    def charset(self) -> str | None:
        """The charset the ``Content-Type`` header names, if any."""
        return _header_params(self.headers)[1]


@dataclass(frozen=True)
class FetchOptions:
    """How links are fetched."""

    timeout: float = FETCH_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    use_cache: bool = True
    """Read pages from the cache when they are there (they are always written to it)."""
    workers: int = FETCH_WORKERS
    user_agent: str = field(default_factory=lambda: user_agent())


def user_agent() -> str:
    """``factcheck/VERSION (…)``: who is asking, for the sites' logs."""
    from importlib import metadata

    try:
        version = metadata.version("factcheck")
    except metadata.PackageNotFoundError:
        version = "0"
    return f"factcheck/{version} (news claim cross-checker; Python urllib)"


def is_link(value: object) -> bool:
    """True for a string that is an http:// or https:// address.

    >>> is_link("https://example.org/a"), is_link("data/a.txt"), is_link("ftp://x")
    (True, False, False)
    """
    if not isinstance(value, str):
        return False
    parts = urlsplit(value.strip())
    return parts.scheme.lower() in SCHEMES and bool(parts.netloc)


def read_link_list(path: str, *, max_bytes: int) -> tuple[list[str], list[InputError]]:
    """The links of a ``--urls`` file, one a line; blank lines and ``#`` comments are
    skipped, and a line that is not a link is a bad line naming its number."""
    text = read_utf8(path, max_bytes, saved_as="text, one link a line")
    links: list[str] = []
    bad: list[InputError] = []
    for number, line in enumerate(text.splitlines(), start=1):
        value = line.strip()
        if not value or value.startswith("#"):
            continue
        if is_link(value):
            links.append(value)
        else:
            problem = "line is not an http:// or https:// link"
            bad.append(InputError(f"{path}:{number}", problem, "fix or remove it"))
    return links, bad


def link_stem(url: str) -> str:
    """An article id for a link: the last part of its path without suffix, else its host.

    >>> link_stem("https://news.example/2024/05/flood-kills-42.html"), link_stem("http://a.example/")
    ('flood-kills-42', 'a.example')
    """
    parts = urlsplit(url)
    stem = PurePosixPath(parts.path).stem
    return stem or (parts.hostname or "page").removeprefix("www.")


class PageCache:
    """Fetched pages on disk, one entry per link, written atomically."""

    def __init__(self, root: Path | None = None) -> None:
        from factcheck.cache import cache_dir

        self.root = root if root is not None else cache_dir() / "pages"

    def _path(self, url: str) -> Path:
        digest = hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()
        return self.root / digest[:2] / f"{digest}.page"

    def get(self, url: str) -> Page | None:
        """The page kept for this link, or None."""
        from factcheck.cache import read_entry

        entry = read_entry(self._path(url), magic=PAGE_MAGIC)
        try:
            page = Page(**entry) if isinstance(entry, dict) else None
        except TypeError:
            return None
        return page if page is not None and page.url == url else None

    def put(self, page: Page) -> None:
        """Keep a page; a cache that cannot be written is silently skipped."""
        from factcheck.cache import write_entry

        entry = {
            "url": page.url,
            "final_url": page.final_url,
            "status": page.status,
            "headers": page.headers,
            "content": page.content,
            "fetched": page.fetched,
        }
        write_entry(self._path(page.url), entry, magic=PAGE_MAGIC)


def fetch_pages(
    urls: Sequence[str], options: FetchOptions, *, stop_on_error: bool = False
) -> dict[str, Page | InputError]:
    """Each link's page (from the cache, else fetched, at most ``options.workers`` at a
    time) or the error that kept it away. With ``stop_on_error`` no new fetch starts
    after a failure: the links not reached are missing from the answer."""
    store = PageCache()
    results: dict[str, Page | InputError] = {}
    todo: queue.SimpleQueue[str] = queue.SimpleQueue()
    for url in dict.fromkeys(urls):
        page = store.get(url) if options.use_cache else None
        if page is not None:
            results[url] = page
        else:
            todo.put(url)
    stop = threading.Event()
    lock = threading.Lock()

    def work() -> None:
        while not stop.is_set():
            try:
                url = todo.get_nowait()
            except queue.Empty:
                return
            try:
                result: Page | InputError = fetch(url, options)
                store.put(result)
            except InputError as error:
                result = error
                if stop_on_error:
                    stop.set()
            with lock:
                results[url] = result

    # Daemon threads: Ctrl-C ends the run at once, not after the slowest download.
    threads = [
        threading.Thread(target=work, name=f"factcheck-fetch-{n}", daemon=True)
        for n in range(max(1, min(options.workers, todo.qsize())))
    ]
    with interrupts.helpers_deaf():  # Ctrl-C goes to the main thread, which waits here
        for thread in threads:
            thread.start()
    interrupts.checkpoint("fetch")
    for thread in threads:
        thread.join()
    interrupts.checkpoint("fetch")
    return results


def fetch(url: str, options: FetchOptions) -> Page:
    """Fetch one HTML page within the limits of ``options``; ``InputError`` when it fails."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": options.user_agent,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
            "Accept-Encoding": "identity",
        },
    )
    deadline = time.monotonic() + options.timeout
    opener = urllib.request.build_opener(_redirects()())
    try:
        with opener.open(request, timeout=options.timeout) as response:
            headers = tuple((k, v) for k, v in response.headers.items())
            _check_type(url, headers)
            content = _read_limited(url, response, options.max_bytes, deadline, options.timeout)
            return Page(
                url=url,
                final_url=response.geturl(),
                status=response.status,
                headers=headers,
                content=content,
                fetched=datetime.now(UTC).isoformat(timespec="seconds"),
            )
    except InputError:
        raise
    except urllib.error.HTTPError as error:
        error.close()
        raise _http_error(url, error) from None
    except urllib.error.URLError as error:
        raise _network_error(url, error.reason, options.timeout) from None
    except (OSError, ValueError, UnicodeError) as error:  # timed out, a broken connection
        raise _network_error(url, error, options.timeout) from None


def _check_type(url: str, headers: Iterable[tuple[str, str]]) -> None:
    kind = _header_params(tuple(headers))[0]
    if kind and kind not in HTML_TYPES:
        raise InputError(url, f"is not a web page (it is {kind})", "give links to article pages")


def _read_limited(url: str, response, max_bytes: int, deadline: float, timeout: float) -> bytes:
    length = response.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise too_large(url, int(length), max_bytes, what="page")
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise too_large(url, None, max_bytes, what="page")
        if time.monotonic() > deadline:
            raise InputError(
                url, f"page took over {timeout:g} s to load (timed out)", _FIX_TIMEOUT
            )
        chunks.append(chunk)
    content = b"".join(chunks)
    if not content.strip():
        raise InputError(url, "page is empty", _FIX_LINK)
    kind = _header_params(tuple(response.headers.items()))[0]
    if not kind and not looks_like_html(content):
        raise InputError(url, "is not a web page (no content type, no HTML)", _FIX_LINK)
    return content


_FIX_TIMEOUT = "try again later, pass --timeout to wait longer, or save the page and give the file"


def _http_error(url: str, error) -> InputError:
    """An ``urllib.error.HTTPError`` as one line."""
    if error.code in (301, 302, 303, 307, 308):
        location = (error.headers or {}).get("Location") or ""
        scheme = urlsplit(location).scheme.lower()
        if scheme and scheme not in SCHEMES:  # urllib refuses it before our handler sees it
            return InputError(url, f"redirects to a {scheme}: address, not a web page", _FIX_LINK)
        return InputError(
            url, f"too many redirects (more than {MAX_REDIRECTS}, or a loop)", _FIX_LINK
        )
    reason = f" {error.reason}" if isinstance(error.reason, str) and error.reason else ""
    return InputError(url, f"HTTP error {error.code}{reason}", _FIX_LINK)


def _network_error(url: str, reason: object, timeout: float) -> InputError:
    import socket
    import ssl

    if isinstance(reason, TimeoutError):
        return InputError(url, f"no answer within {timeout:g} s (timed out)", _FIX_TIMEOUT)
    if isinstance(reason, socket.gaierror):
        return InputError(url, "host not found", _FIX_LINK)
    if isinstance(reason, ConnectionRefusedError):
        return InputError(url, "connection refused", _FIX_LINK)
    if isinstance(reason, ssl.SSLError):
        return InputError(url, f"secure connection failed ({reason.reason or reason})", _FIX_LINK)
    if isinstance(reason, str) and "redirect" in reason.lower():
        return InputError(url, f"refused redirect ({reason})", _FIX_LINK)
    text = getattr(reason, "strerror", None) or str(reason) or type(reason).__name__
    return InputError(url, f"cannot be fetched ({text})", _FIX_LINK)


@cache
def _redirects() -> type:
    """A redirect handler that follows at most :data:`MAX_REDIRECTS` redirects, and only
    to http(s) addresses (urllib is imported when a link is fetched, not before)."""
    import urllib.request

    class Redirects(urllib.request.HTTPRedirectHandler):
        max_redirections = MAX_REDIRECTS
        max_repeats = MAX_REDIRECTS

        def redirect_request(self, req, fp, code, msg, headers, newurl):
            scheme = urlsplit(newurl).scheme.lower()
            if scheme not in SCHEMES:
                raise InputError(
                    req.full_url, f"redirects to a {scheme}: address, not a web page", _FIX_LINK
                )
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return Redirects


def _header_params(headers: tuple[tuple[str, str], ...]) -> tuple[str, str | None]:
    """The media type and charset of a ``Content-Type`` among ``headers``."""
    from email.message import Message

    message = Message()
    for key, value in headers:
        if key.lower() == "content-type":
            message["Content-Type"] = value
            break
    else:
        return "", None
    return message.get_content_type().lower(), message.get_content_charset()
