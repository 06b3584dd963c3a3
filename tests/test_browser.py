"""The HTML report in a real browser: Debian's Chromium, headless, through Playwright.

No console error, no network request, readable at 1,440 and 375 pixels, usable without
JS, printable on A4, and hostile article text inert. ``.ci/run`` installs Chromium.
"""

from __future__ import annotations

import importlib.util
import re
import struct
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

from .conftest import ARTICLES, ROOT


def _script():
    spec = importlib.util.spec_from_file_location("screenshot", ROOT / "scripts" / "screenshot.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


SHOTS = _script()
WIDTHS = [1440, 375]


def _render(folder: Path, out: Path, cache: Path) -> Path:
    """factcheck compare FOLDER -o OUT (the suffix picks HTML), with its own cache."""
    result = CliRunner(env={"FACTCHECK_CACHE_DIR": str(cache)}).invoke(
        main, ["compare", str(folder), "-o", str(out), "-q"]
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """The system Chromium, launched once for the module."""
    assert SHOTS.CHROMIUM.exists(), "install Debian's Chromium: apt-get install -y chromium"
    with SHOTS.chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The HTML report for data/articles."""
    tmp = tmp_path_factory.mktemp("html")
    return _render(ARTICLES, tmp / "report.html", tmp / "cache")


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("width", WIDTHS)
def test_report_in_chromium(browser, page_file: Path, tmp_path: Path, width: int) -> None:
    """No console error, no request but the page, no sideways scroll; the first card shot whole."""
    with SHOTS.open_page(browser, page_file, width) as (page, visit):
        assert not [m for m in visit.console if m[0] == "error"], visit.console
        assert not visit.errors
        assert visit.requests == [page_file.resolve().as_uri()]
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        card = page.locator("article.card").first
        assert card.locator(".position").count() >= 2
        assert card.locator("mark").count() >= 2
        assert "data/articles/" in card.inner_text()
        box = card.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
        shot = tmp_path / f"first-conflict-{width}.png"
        card.screenshot(path=str(shot))
        shot_width, shot_height = _png_size(shot)
        assert abs(shot_width - box["width"]) <= 2 and abs(shot_height - box["height"]) <= 2
        page.screenshot(path=str(tmp_path / f"page-{width}.png"))
        assert visit.requests == [page_file.resolve().as_uri()]


def test_page_reads_without_javascript(browser, page_file: Path) -> None:
    """Without JS the cards and the whole table show, and no dead control is left."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375,
                                                                        "height": 800})
    try:
        page = context.new_page()
        page.goto(page_file.resolve().as_uri())
        rows = page.locator("#others-table tbody tr")
        assert rows.count() > 10 and rows.first.is_visible() and rows.last.is_visible()
        assert not page.locator(".controls").is_visible()
        assert page.locator("article.card").first.is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
    finally:
        context.close()


def test_table_sorts_and_filters(browser, page_file: Path) -> None:
    """With JS the table sorts by a column and filters by words and by kind."""
    with SHOTS.open_page(browser, page_file, 1440) as (page, _):
        rows = page.locator("#others-table tbody tr")
        total = rows.count()
        page.select_option(".filter-kind", "agreement")
        kinds = page.eval_on_selector_all(
            "#others-table tbody tr:not([hidden])", "rs => rs.map(r => r.dataset.kind)"
        )
        assert kinds and set(kinds) == {"agreement"} and len(kinds) < total
        page.select_option(".filter-kind", "")
        page.fill(".filter-text", "Breitbart")
        shown = page.locator("#others-table tbody tr:not([hidden])")
        assert 0 < shown.count() < total
        assert all("Breitbart" in text for text in shown.all_inner_texts())
        page.fill(".filter-text", "")
        page.click("#others-table th:nth-child(2) button")
        assert page.get_attribute("#others-table th:nth-child(2)", "aria-sort") == "ascending"
        what = page.eval_on_selector_all(
            "#others-table tbody tr td:nth-child(2)", "cs => cs.map(c => c.textContent.trim())"
        )
        collate = page.evaluate(
            "xs => xs.slice().sort(new Intl.Collator(undefined, "
            "{numeric: true, sensitivity: 'base'}).compare)", what
        )
        assert what == collate and rows.count() == total


def test_prints_on_a4(browser, page_file: Path) -> None:
    """In print the controls go, nothing runs off an A4 page, and a PDF comes out."""
    with SHOTS.open_page(browser, page_file, 718) as (page, _):
        page.emulate_media(media="print")
        assert not page.locator(".controls").is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 718
        pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
        assert pdf.startswith(b"%PDF")
        boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
        assert boxes and all(round(float(w)) == 595 and round(float(h)) == 842 for w, h in boxes)


HOSTILE = (
    "<script>window.pwned = 1</script> <img src=x onerror=\"window.pwned = 2\"> "
    "<a href=\"javascript:window.pwned = 3\">link</a> [link](javascript:window.pwned=4) "
    "</style><style>body { display: none }</style> \u202eevil\u202c \u2066isolate\u2069"
)


def test_hostile_article_is_inert(browser, tmp_path: Path) -> None:
    """Markup, script, javascript: links, </style> and bidi controls in an article stay text."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "hostile.md").write_text(
        f"# Storm {HOSTILE}\n\nPublished at: **2024-03-05T05:10:00+00:00**\n\n"
        f"Author: **{HOSTILE}**\n\nOriginal: [Evil {HOSTILE}](javascript:window.pwned=5)\n\n"
        f"The storm has killed 37 people {HOSTILE}, officials said.\n",
        encoding="utf-8",
    )
    (folder / "calm.md").write_text(
        "# Storm\n\nPublished at: **2024-03-05T09:40:00+00:00**\n\n"
        "Original: [Calm News](https://calm.example/storm)\n\n"
        "The storm has killed 39 people, officials said.\n",
        encoding="utf-8",
    )
    page_file = _render(folder, tmp_path / "hostile.html", tmp_path / "cache")
    dialogs: list[str] = []
    with SHOTS.open_page(browser, page_file, 1440) as (page, visit):
        page.on("dialog", lambda d: dialogs.append(d.message))
        assert page.evaluate("window.pwned") is None and not dialogs
        assert not [m for m in visit.console if m[0] == "error"] and not visit.errors
        assert visit.requests == [page_file.resolve().as_uri()]
        assert page.evaluate("document.scripts.length") == 1
        assert page.evaluate("document.styleSheets.length") == 1
        assert page.evaluate("document.images.length") == 0
        assert page.evaluate(
            "[...document.querySelectorAll('*')].filter(e => [...e.attributes]"
            ".some(a => a.name.startsWith('on'))).length"
        ) == 0
        hrefs = page.eval_on_selector_all("a[href]", "as => as.map(a => a.href)")
        assert hrefs == [h for h in hrefs if h.startswith(("https://", "file://"))]
        assert "https://calm.example/storm" in hrefs
        assert page.is_visible("article.card")
        text = page.inner_text("body")
        assert "<script>window.pwned = 1</script>" in text
        assert '<img src=x onerror="window.pwned = 2">' in text
        assert "</style><style>body { display: none }</style>" in text
        assert "javascript:window.pwned=5" in text
        assert not set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069") & set(text)
