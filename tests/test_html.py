"""The HTML report: one self-contained page, every article string inert, links only http(s)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.models import ArticleCheck, Report
from factcheck.render import check_to_html, to_html
from factcheck.render.html import stamp

from .test_render import check, report  # noqa: F401  (fixtures)

HOSTILE_HTML = (
    '<script>alert(1)</script> <img src=x onerror="alert(2)"> '
    '<a href="javascript:alert(3)">click</a> </style><style>body{display:none}</style> '
    "</title><svg onload=alert(4)> {{ 7*7 }} {% raw %} \u202eevil\u202c \u2066iso\u2069 \u200f"
)
"""Markup, a template expression and bidi controls, as an article could carry them."""
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


class Page(HTMLParser):
    """Every element with its attributes, and the text between them."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        """The attributes of every ``tag`` element."""
        return [attrs for name, attrs in self.tags if name == tag]


def _hostile(report: Report) -> Report:  # noqa: F811
    """The fixture report with hostile markup in the article fields the page shows."""
    from dataclasses import replace

    hostile = replace(
        report.articles[2],
        outlet=f"Evil {HOSTILE_HTML}",
        title=HOSTILE_HTML,
        author=HOSTILE_HTML,
        url="javascript:alert(5)",
        published=f"2019-11-08{HOSTILE_HTML}",
    )
    return replace(report, articles=(*report.articles[:2], hostile))


def test_page_is_self_contained(report: Report) -> None:  # noqa: F811
    """CSS and script inline, no external resource, and a policy that allows nothing else."""
    html = to_html(report)
    page = Page(html)
    assert html.startswith("<!DOCTYPE html>")
    assert len(page.all("style")) == 1 and len(page.all("script")) == 1
    assert not page.all("link") and not page.all("img") and not page.all("iframe")
    assert all("src" not in attrs for _, attrs in page.tags)
    assert "url(" not in html and "@import" not in html
    policy = next(a["content"] for a in page.all("meta") if a.get("http-equiv"))
    assert policy.startswith("default-src 'none'; style-src 'sha256-")
    assert "script-src 'sha256-" in policy and "unsafe" not in policy


def test_page_sections(report: Report) -> None:  # noqa: F811
    """Summary, one card per conflict, a row per agreement or single claim, the sources."""
    page = Page(to_html(report))
    text = " ".join(" ".join(page.text).split())
    assert "Compared 3 articles" in text
    assert "1 conflict" in text and "1 agreement" in text and "1 single-source claim" in text
    cards = [a for a in page.all("article") if "card" in (a.get("class") or "")]
    assert len(cards) == 1 and cards[0]["id"] == "conflict-1"
    assert len([a for a in page.all("section") if "position" in (a.get("class") or "")]) == 2
    kinds = [a["data-kind"] for a in page.all("tr") if a.get("data-kind")]
    assert kinds == ["agreement", "single source"]
    assert "José Müller" in text and "Nine jailed" in text
    assert len(page.all("mark")) >= 5


def test_quote_shows_claim_in_its_sentence_and_place(report: Report) -> None:  # noqa: F811
    """A quote is its sentence with the claim marked, the outlet, the time and file:start-end."""
    html = to_html(report)
    assert "“A court imprisoned <mark>nine people</mark> on Thursday.”" in html
    assert '<time datetime="2019-11-07">7 Nov 2019</time>' in html
    art = report.articles[0]
    start = art.text.index("nine people")
    assert f'<span class="file">{art.path}</span>:<span class="span">{start}-{start + 11}</span>' \
        in html


def test_hostile_text_is_inert(report: Report) -> None:  # noqa: F811
    """Article markup, handlers, javascript: links and </style> are text; bidi controls go."""
    html = to_html(_hostile(report))
    page = Page(html)
    assert len(page.all("script")) == 1 and len(page.all("style")) == 1
    assert not page.all("img") and not page.all("svg")
    assert all(not name.startswith("on") for _, attrs in page.tags for name in attrs)
    hrefs = [a["href"] for a in page.all("a")]
    assert all(h.startswith(("#", "https://", "http://")) for h in hrefs)
    assert "javascript:" not in "".join(hrefs)
    assert not set(BIDI) & set(html)
    text = "".join(page.text)
    assert '<script>alert(1)</script> <img src=x onerror="alert(2)">' in text
    assert "</style><style>body{display:none}</style>" in text
    assert "{{ 7*7 }}" in text and "{% raw %}" in text and "</title><svg onload=alert(4)>" in text
    assert "javascript:alert(5)" in text


def test_article_link_only_for_http(report: Report) -> None:  # noqa: F811
    """The article's own URL is a link when http(s), quoted; any other scheme is text."""
    page = Page(to_html(report))
    links = [a for a in page.all("a") if not a["href"].startswith("#")]
    assert [a["href"] for a in links] == ["https://reuters.com/a%20%281%29"]
    assert all(a["rel"] == "noopener noreferrer nofollow" for a in links)
    assert "javascript:alert(1)" in "".join(page.text)


def test_check_page(check: ArticleCheck) -> None:  # noqa: F811
    """The claim check: a card for the contradicted claim, a row per claim, the sources."""
    page = Page(check_to_html(check))
    cards = [a for a in page.all("article") if "card" in (a.get("class") or "")]
    assert len(cards) == 1
    assert [a["data-kind"] for a in page.all("tr") if a.get("data-kind")] == [
        "contradicted",
        "only-here",
    ]
    assert len(page.all("script")) == 1 and not page.all("img")


def test_empty_report_renders() -> None:
    """A report without articles or groups is still a page."""
    page = Page(to_html(Report(articles=(), groups=())))
    assert "No conflicts." in page.text and "None." in page.text


@pytest.mark.parametrize(
    ("published", "shown"),
    [
        ("2019-11-07T08:48:42+00:00", "7 Nov 2019, 08:48 UTC"),
        ("2019-11-07T08:48:42+05:30", "7 Nov 2019, 08:48 +05:30"),
        ("2019-11-07", "7 Nov 2019"),
        ("2019", "2019"),
        ("not a date", "not a date"),
        (None, ""),
    ],
)
def test_stamp(published: str | None, shown: str) -> None:
    """Publication times read as people write them, in the article's own clock."""
    assert stamp(published) == shown


@pytest.mark.parametrize(
    ("name", "extra", "starts"),
    [
        ("r.html", [], "<!DOCTYPE html>"),
        ("r.HTM", [], "<!DOCTYPE html>"),
        ("r.md", [], "# factcheck report"),
        ("r.json", [], "{"),
        ("r.txt", [], "factcheck: 2 articles"),
        ("r.html", ["--format", "json"], "{"),
        ("r.json", ["--format", "html"], "<!DOCTYPE html>"),
    ],
)
def test_output_suffix_picks_format(
    two: Path, name: str, extra: list[str], starts: str
) -> None:
    """-o FILE alone picks the format from its suffix; an explicit --format wins."""
    out = two.parent / name
    result = CliRunner().invoke(
        main, ["compare", str(two), "-o", str(out), "-q", "--no-claims", *extra]
    )
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith(starts)


def test_claim_html(two: Path) -> None:
    """``claim ARTICLE -o check.html`` writes the claim check as a page."""
    out = two.parent / "check.html"
    result = CliRunner().invoke(
        main, ["claim", str(two / "a.md"), "-o", str(out), "-q", "--no-claims"]
    )
    assert result.exit_code == 0, result.output
    page = Page(out.read_text(encoding="utf-8"))
    assert next(a["data-kind"] for a in page.all("tr") if a.get("data-kind")) == "contradicted"
    assert "b.md" in "".join(page.text)
