"""A figure over time: the timeline of a conflict, its "over time" note and its chart."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.models import Amount, Relation, Severity, Status
from factcheck.render.chart import chart
from factcheck.render.timeline import timeline

from .test_render import make_article, make_claim, make_group

TOLL = [("gazette", "Harbour Gazette", "05:10", 37), ("radio", "Coast Radio", "09:40", 39),
        ("post", "Evening Post", "14:25", 43)]
"""Three outlets, hours apart on one day, with a rising toll."""


def _conflict(dated: list[tuple[str | None, float]]):
    """A conflict with one article per (published, figure), and the articles by id."""
    articles, positions = {}, {}
    for n, (published, figure) in enumerate(dated):
        art = make_article(f"a{n}", [f"The storm killed {figure:g} people."],
                           outlet=f"Outlet {n}", published=published)
        articles[art.id] = art
        claim = make_claim(art, f"{figure:g} people", Amount(figure))
        positions.setdefault(f"{figure:g}", []).append(claim)
    group = make_group("people-killed", Status.CONFLICT, list(positions.items()),
                       relation=Relation.CONTRADICTION, severity=Severity.HIGH)
    return group, articles


@pytest.mark.parametrize(
    ("dated", "note"),
    [
        pytest.param([("2024-03-05T05:10:00+00:00", 37), ("2024-03-05T09:40:00+00:00", 39)],
                     "37 (05:10) → 39 (09:40)", id="one-day-clock"),
        pytest.param([("2024-03-05T05:10:00", 37), ("2024-03-06", 39), ("2024-03-10", 43)],
                     "37 (Tue) → 39 (Wed) → 43 (Sun)", id="one-week-weekday"),
        pytest.param([("2024-03-05T05:10:00", 37), ("2024-03-05T21:00:00", 38),
                      ("2024-03-07", 43)],
                     "37 (Tue 05:10) → 38 (Tue 21:00) → 43 (Thu)", id="shared-day-adds-clock"),
        pytest.param([("2024-03-05", 37), ("2024-04-20", 39)], "37 (5 Mar) → 39 (20 Apr)",
                     id="one-year-date"),
        pytest.param([("2023-12-30", 37), ("2024-01-20", 39)],
                     "37 (2023-12-30) → 39 (2024-01-20)", id="years-iso"),
        pytest.param([("2024-03-05", 37), ("2024-03-06", 37), ("2024-03-07", 43)],
                     "37 (Tue) → 43 (Thu)", id="repeat-left-out"),
        pytest.param([("2024-03-06", 43), ("2024-03-05", 37), (None, 50)],
                     "37 (Tue) → 43 (Wed)", id="time-order-undated-left-out"),
    ],
)
def test_note(dated: list[tuple[str | None, float]], note: str) -> None:
    """The note lists each change of figure with a time label as short as tells them apart."""
    group, articles = _conflict(dated)
    found = timeline(group, articles)
    assert found is not None and found.note == note


@pytest.mark.parametrize(
    "dated",
    [
        pytest.param([("2024-03-05T05:10:00", 37), ("2024-03-05T05:10:00", 39)], id="same-time"),
        pytest.param([(None, 37), ("2024-03-05", 39)], id="one-dated"),
        pytest.param([("2024-03", 37), ("2024-04", 39)], id="month-only"),
        pytest.param([("2024-03-05", 37), ("2024-03-05", 39), ("2024-03-06", 37),
                      ("2024-03-06", 39)], id="same-spread-each-day"),
    ],
)
def test_no_timeline(dated: list[tuple[str | None, float]]) -> None:
    """No timeline when the figures do not differ between publication times."""
    group, articles = _conflict(dated)
    assert timeline(group, articles) is None


def test_agreement_has_no_timeline() -> None:
    """Only conflicts get a timeline."""
    group, articles = _conflict([("2024-03-05", 37), ("2024-03-06", 39)])
    assert timeline(replace(group, status=Status.AGREEMENT), articles) is None


@pytest.fixture(scope="module")
def toll(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three hand-made articles published hours apart, the toll rising 37, 39, 43."""
    folder = tmp_path_factory.mktemp("toll")
    for name, outlet, clock, figure in TOLL:
        (folder / f"{name}.md").write_text(
            f"# Storm toll climbs\n\nPublished at: **2024-03-05T{clock}:00+00:00**\n\n"
            f"Original: [{outlet}](https://{name}.example/storm)\n\n"
            f"The storm that hit the coast on Monday night has killed {figure} people, "
            "officials said on Tuesday.\n\nRescue teams were still searching collapsed houses "
            "in the harbour district.\n",
            encoding="utf-8",
        )
    return folder


def _run(*args: str) -> str:
    result = CliRunner(env={"COLUMNS": "100"}).invoke(main, [*args, "-q", "--no-claims"])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_terminal_table_has_over_time_line(toll: Path) -> None:
    """The conflict in the terminal table carries the one-line "over time" note."""
    lines = _run("compare", str(toll)).splitlines()
    assert "Over time: 37 (05:10) → 39 (09:40) → 43 (14:25)" in lines


def test_markdown_has_over_time_line(toll: Path) -> None:
    """The Markdown report carries the same note under the conflict."""
    out = _run("compare", str(toll), "--format", "markdown")
    assert "Over time: 37 (05:10) → 39 (09:40) → 43 (14:25)" in out.splitlines()


class _Dots(HTMLParser):
    """The chart's points: each ``g.dot`` with its circle's centre."""

    def __init__(self) -> None:
        super().__init__()
        self.dots: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "g" and "dot" in (found.get("class") or "").split():
            self.dots.append({"time": found["data-time"], "value": found["data-value"]})
        elif tag == "circle" and self.dots:
            self.dots[-1].update(cx=found["cx"], cy=found["cy"])


def test_html_chart_has_three_points_in_time_order(toll: Path) -> None:
    """The chart draws three points, left to right in time order, rising with the toll."""
    page = _run("compare", str(toll), "--format", "html")
    assert len(re.findall(r"<svg\b", page)) == 1
    parser = _Dots()
    parser.feed(page)
    dots = parser.dots
    assert [d["value"] for d in dots] == ["37", "39", "43"]
    assert [d["time"] for d in dots] == sorted(d["time"] for d in dots)
    xs, ys = [float(d["cx"]) for d in dots], [float(d["cy"]) for d in dots]
    assert xs == sorted(xs) and len(set(xs)) == 3
    assert ys == sorted(ys, reverse=True) and len(set(ys)) == 3
    assert "Over time: 37 (05:10) → 39 (09:40) → 43 (14:25)" in page


def test_chart_keeps_labels_apart() -> None:
    """Two close figures at one time get labels that do not overlap, and no joining line."""
    group, articles = _conflict([("2024-03-05", 1000), ("2024-03-05", 1010), ("2024-03-06", 10)])
    laid = chart(timeline(group, articles))
    first, second = sorted((d for d in laid.dots if d.when == "Tue"), key=lambda d: d.y)
    assert abs(first.label_y - second.label_y) >= 14
    assert laid.line == "" and len(laid.ticks) == 2
    assert [p.figure for p in laid.points] == ["1,000", "1,010", "10"]
