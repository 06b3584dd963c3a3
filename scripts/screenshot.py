"""Open factcheck's HTML report in headless Chromium: console, requests and screenshots.

    .venv/bin/python scripts/screenshot.py            # refresh docs/conflict-card.png

The browser is Debian's ``chromium`` (``apt-get install chromium``), driven through
Playwright's DevTools connection; Playwright's own browser downloads are never used.
tests/test_browser.py drives the same functions.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""Headless, and quiet: no update, sync or other background connection of its own."""
README_SHOT = ROOT / "docs" / "conflict-card.png"
README_WIDTH = 1000
"""Page width of the README's picture: the card as a laptop shows it, in a small file."""


@dataclass(frozen=True)
class Visit:
    """What a page did while it loaded: console messages, page errors and requests."""

    console: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@contextmanager
def chromium() -> Iterator[object]:
    """The system Chromium, headless, with a fresh empty profile (Playwright makes one)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=FLAGS
        )
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def open_page(browser, page_file: Path, width: int, *, height: int = 900) -> Iterator[tuple]:
    """A page at ``width`` CSS pixels showing ``page_file``, and what it did while loading."""
    visit = Visit()
    page = browser.new_page(viewport={"width": width, "height": height})
    page.on("console", lambda m: visit.console.append((m.type, m.text)))
    page.on("pageerror", lambda e: visit.errors.append(str(e)))
    page.on("request", lambda r: visit.requests.append(r.url))
    try:
        page.goto(page_file.resolve().as_uri(), wait_until="load")
        yield page, visit
    finally:
        page.close()


def render_report(out: Path, *args: str) -> Path:
    """``factcheck compare data/articles -o OUT`` (the suffix picks HTML), from the root."""
    subprocess.run(
        [sys.executable, "-m", "factcheck", "compare", "data/articles", "-o", str(out), "-q",
         *args],
        cwd=ROOT,
        check=True,
    )
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page_file = render_report(Path(tmp) / "report.html")
        with chromium() as browser, open_page(browser, page_file, README_WIDTH) as (page, _):
            page.locator(".card").first.screenshot(path=str(README_SHOT))
    print(README_SHOT.relative_to(ROOT))


if __name__ == "__main__":
    main()
