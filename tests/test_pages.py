"""Saved web pages through the CLI: the article body without the page's clutter, metadata
from <meta>, OpenGraph and JSON-LD, offsets into the extracted text, and bad pages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .clirun import refused, run
from .conftest import ARTICLES, ROOT

PAGES = ROOT / "data" / "pages"


@pytest.fixture(scope="module")
def report() -> dict:
    """The JSON report on data/pages, the four layouts together."""
    result = run("compare", PAGES, "--format", "json", "--no-claims")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def article(report: dict, article_id: str) -> dict:
    """One article of the report."""
    return next(a for a in report["articles"] if a["id"] == article_id)


def test_folder_of_pages(report: dict) -> None:
    """A folder of .html pages is read, each page one article, by name."""
    assert [a["id"] for a in report["articles"]] == ["courier", "ledger", "notes", "wire"]
    assert {a["kind"] for a in report["articles"]} == {"html"}
    assert [a["path"] for a in report["articles"]] == [
        str(PAGES / f"{name}.html") for name in ("courier", "ledger", "notes", "wire")
    ]


def test_news_page_keeps_the_story_and_drops_the_clutter(report: dict) -> None:
    """A news page: body kept; navigation, ads, share tools, related links, comments and
    footer left out; metadata from <meta> and OpenGraph."""
    page = article(report, "courier")
    text = page["text"]
    assert text.startswith("Arden valley flood leaves 42 dead\n")
    for kept in ("At least 42 people were killed", "600 people were still missing",
                 "The army sent 300 soldiers"):
        assert kept in text
    for dropped in ("Weather: 18 degrees", "Subscribe", "Advertisement", "mattresses",
                    "Share on social media", "Related stories", "Storm kills 9", "80 million",
                    "Comments (3)", "300 people died", "riverwatcher", "2 cars",
                    "All rights reserved", "14 Mill Street", "By Maria Lind"):
        assert dropped not in text, dropped
    assert {k: page[k] for k in ("title", "author", "published", "outlet", "url")} == {
        "title": "Arden valley flood leaves 42 dead",
        "author": "Maria Lind",
        "published": "2024-05-03",
        "outlet": "Valley Courier",
        "url": "https://valleycourier.example/news/2024/05/03/arden-flood",
    }


def test_blog_layout(report: dict) -> None:
    """A blog post: the post and its quote kept; sidebar, author box, post navigation,
    tags and comments left out."""
    page = article(report, "notes")
    text = page["text"]
    assert "Officials now say 40 people were killed" in text
    assert "We have never seen the water come up so fast" in text
    for dropped in ("A blog about life on the river", "Recent posts", "7 herons", "Archives",
                    "About Tom", "25 years", "11 trout", "Tagged", "thoughts on",
                    "90 people died", "30 feet", "1,204 subscribers"):
        assert dropped not in text, dropped
    assert (page["title"], page["author"], page["outlet"]) == (
        "What I saw in the Arden valley", "Tom Avery", "Riverside Notes"
    )
    assert page["published"] == "2024-05-04"


def test_metadata_only_in_json_ld(report: dict) -> None:
    """A page whose metadata is only JSON-LD: headline, author, date and publisher from it."""
    page = article(report, "wire")
    assert (page["title"], page["author"], page["published"], page["outlet"]) == (
        "Death toll in Arden valley flood rises to 42", "Sam Okafor", "2024-05-03",
        "Northern Wire",
    )
    for dropped in ("Markets", "index up 1.2%", "Trending", "Oil falls 3%", "2 months free",
                    "48 bureaus"):
        assert dropped not in page["text"], dropped


def test_metadata_only_in_opengraph(report: dict) -> None:
    """A page whose metadata is only OpenGraph; its headline is not in the body, so it follows
    the body after a blank line, where its claims index it."""
    page = article(report, "ledger")
    assert (page["title"], page["author"], page["published"], page["outlet"], page["url"]) == (
        "Arden flood: 600 still missing as waters recede", "Priya Nair", "2024-05-05",
        "The Daily Ledger", "https://dailyledger.example/2024/05/05/arden-missing",
    )
    assert page["text"].startswith("Six hundred people were still missing")
    assert page["text"].endswith("\n\nArden flood: 600 still missing as waters recede")
    for dropped in ("cookies", "Front page", "Puzzles", "newsletter", "5 stories"):
        assert dropped not in page["text"], dropped
    in_title = [c for g in report["groups"] for p in g["positions"] for c in p["claims"]
                if c["article"] == "ledger" and c["in_title"]]
    assert in_title and all(c["start"] > page["text"].index("\n\nArden") for c in in_title)


def test_offsets_index_the_extracted_text(report: dict) -> None:
    """Every claim's start:end is its text in the article's extracted text (the report's)."""
    texts = {a["id"]: a["text"] for a in report["articles"]}
    claims = [c for g in report["groups"] for p in g["positions"] for c in p["claims"]]
    assert len(claims) > 20
    for claim in claims:
        text = texts[claim["article"]]
        assert text[claim["start"] : claim["end"]] == claim["text"]
        assert claim["sentence"] in text


def test_pages_are_compared(report: dict) -> None:
    """The pages' figures are compared like any articles': 42 dead against 40, 600 missing
    against 60, and the comments' 300 and 90 dead are nowhere."""
    conflicts = {
        g["about"]: sorted(p["label"] for p in g["positions"])
        for g in report["groups"] if g["status"] == "conflict"
    }
    assert conflicts == {"people killed": ["40", "42"], "people missing (still)": ["60", "600"]}
    values = {str(c["value"]) for g in report["groups"] for p in g["positions"]
              for c in p["claims"]}
    assert "90" not in values and "9" not in values


def test_text_articles_keep_the_contract(tmp_path: Path) -> None:
    """Beside a page, a .txt article's JSON has no text: its offsets index its own file."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(ARTICLES / "reuters.txt", folder)
    shutil.copy(PAGES / "courier.html", folder)
    result = run("compare", folder, "--format", "json", "--no-claims")
    assert result.exit_code == 0, result.stderr
    arts = {a["id"]: a for a in json.loads(result.stdout)["articles"]}
    assert list(arts["reuters"]) == [
        "id", "path", "outlet", "title", "author", "published", "url", "story"
    ]
    assert list(arts["courier"])[-3:] == ["kind", "source", "text"]


def test_page_without_metadata(tmp_path: Path) -> None:
    """A bare page: title from <title>, and no date guessed from the text."""
    page = tmp_path / "bare.html"
    page.write_text(
        "<html><head><title>Bridge reopens after repairs</title></head><body>"
        "<p>The old bridge reopened on May 3, 2024 after 14 months of repairs, the city said."
        "</p><p>About 12,000 vehicles cross it every day, according to the city.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    result = run("compare", page, PAGES / "courier.html", "--format", "json", "--no-claims")
    assert result.exit_code == 0, result.stderr
    bare = json.loads(result.stdout)["articles"][0]
    assert bare["title"] == "Bridge reopens after repairs"
    assert bare["published"] is None and bare["author"] is None and bare["url"] is None
    assert "14 months of repairs" in bare["text"]


def test_html_file_without_markup_is_read_as_text(tmp_path: Path) -> None:
    """A .html file that holds no markup is read as a text article."""
    page = tmp_path / "plain.html"
    page.write_text("Nine jailed\n\nThe court jailed nine people.\n", encoding="utf-8")
    result = run("compare", page, ARTICLES / "reuters.txt", "--format", "json", "--no-claims")
    assert result.exit_code == 0, result.stderr
    plain = json.loads(result.stdout)["articles"][0]
    assert plain["title"] == "Nine jailed" and "text" not in plain


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


MENU = (
    b"<html><head><title>Menu</title></head><body><nav><ul><li><a href='/'>Home</a></li>"
    b"<li><a href='/news'>News</a></li></ul></nav><footer>(c) 2024 Site</footer></body></html>"
)
"""A page with a menu and a footer, and no article."""
BAD_PAGES = [
    pytest.param(MENU, (),
                 "page has no article text", id="no-article"),
    pytest.param(b"", (), "file is empty", id="empty"),
    pytest.param(b"\x89PNG\r\n\x1a\n\0\0", (), "file is a PNG image, not text; save the article "
                 "as a web page (.html) or plain text", id="png"),
    pytest.param(b"<html>\0\0\0<body>", (), "file looks binary", id="nul-bytes"),
    pytest.param(b"<html><body>" + b"<p>Nine people were hurt.</p>" * 100 + b"</body></html>",
                 ("--max-bytes", "1000"), "file is 2,926 bytes, over the 1,000-byte limit",
                 id="too-large"),
]


@pytest.mark.parametrize(("data", "options", "problem"), BAD_PAGES)
def test_bad_page_is_one_line(tmp_path: Path, data: bytes, options: tuple[str, ...],
                              problem: str) -> None:
    """A page that gives no article is one Error line naming it, exit 2, nothing written."""
    page = _write(tmp_path / "bad.html", data)
    error = refused(page, tmp_path, *options)
    assert error.startswith(f"Error: {page}: ") and problem in error


def test_bad_page_among_good_ones_is_skipped(tmp_path: Path) -> None:
    """Among other articles a bad page is skipped with one line; --strict stops instead."""
    folder = tmp_path / "pages"
    shutil.copytree(PAGES, folder)
    _write(folder / "menu.html", MENU)
    result = run("compare", folder, "--format", "json", "--no-claims")
    assert result.exit_code == 0, result.stderr
    assert f"Skipped {folder / 'menu.html'}: page has no article text" in result.stderr
    strict = run("compare", folder, "--format", "json", "--no-claims", "--strict")
    assert strict.exit_code == 2
    assert strict.stderr.splitlines() == [
        f"Error: {folder / 'menu.html'}: page has no article text; save the page with its "
        "article, or the text as .txt"
    ]


def test_claim_on_a_saved_page() -> None:
    """claim takes a saved page and checks it against the other pages of its folder."""
    result = run("claim", PAGES / "notes.html", "--format", "json", "--no-claims")
    assert result.exit_code == 0, result.stderr
    check = json.loads(result.stdout)
    assert check["article"]["kind"] == "html" and check["article"]["text"]
    assert check["against"] == ["courier", "ledger", "wire"]
    contradicted = {c["claim"]["text"] for c in check["claims"] if c["verdict"] == "contradicted"}
    assert {"40 people", "60 people"} <= contradicted


def test_markdown_report_cites_pages(report: dict) -> None:
    """The Markdown report cites a page's claims by its file and the extracted text's offsets."""
    result = run("compare", PAGES, "--format", "markdown", "--no-claims", "-q")
    assert result.exit_code == 0, result.stderr
    claim = next(c for g in report["groups"] for p in g["positions"] for c in p["claims"]
                 if c["article"] == "notes")
    assert f"notes.html:{claim['start']}-{claim['end']}" in result.stdout
