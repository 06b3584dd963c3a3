"""The terminal report reads well at 80 columns: short paths kept whole, short explanations,
counts in the singular where there is one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.judge.explain import _explain
from factcheck.models import Amount, Position, Relation, Status
from factcheck.render.values import shown_paths

from .conftest import DEVSET, ROOT
from .test_render import make_article, make_claim

CLUSTER = DEVSET / "sewol-ferry-sinking-2014"
"""A real devset cluster with several conflicts and long file names, read in place."""


def _run(*args: str, columns: int = 80) -> tuple[str, str]:
    result = CliRunner(env={"COLUMNS": str(columns)}).invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


def _shown_quotes(report: dict) -> list[str]:
    """``file:start-end`` of every quote the conflict tables show (the first claim of each
    article in each position)."""
    paths = {a["id"]: Path(a["path"]).name for a in report["articles"]}
    found = []
    for group in report["groups"]:
        if group["status"] != "conflict":
            continue
        for position in group["positions"]:
            first = {}
            for claim in position["claims"]:
                first.setdefault(claim["article"], claim)
            found += [f"{paths[c['article']]}:{c['start']}-{c['end']}" for c in first.values()]
    return found


def test_devset_cluster_at_80_columns_keeps_paths_whole() -> None:
    """A cluster named by absolute path shows files by name, never broken, at 80 columns."""
    table, _ = _run("compare", str(CLUSTER), "--no-claims", "-q")
    report = json.loads(_run("compare", str(CLUSTER), "--no-claims", "-q", "--format", "json")[0])
    lines = table.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert str(CLUSTER) not in table and str(DEVSET) not in table
    quotes = _shown_quotes(report)
    assert len(quotes) >= 10
    for quote in quotes:
        assert any(quote in line for line in lines), f"{quote} broken across lines"


def test_claim_check_at_80_columns_keeps_paths_whole() -> None:
    """The claim table of one devset article keeps each ``file:start-end`` on one line."""
    article = sorted(CLUSTER.glob("*.md"))[0]
    table, _ = _run("claim", str(article), "--no-claims", "-q")
    lines = table.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert str(CLUSTER) not in table
    report = json.loads(_run("claim", str(article), "--no-claims", "-q", "--format", "json")[0])
    shown = [f"{article.name}:{c['claim']['start']}-{c['claim']['end']}" for c in report["claims"]]
    assert shown and all(any(s in line for line in lines) for s in shown)


def test_paths_inside_the_working_folder_are_relative() -> None:
    """Articles named by an absolute path inside the working folder show relative to it."""
    table, _ = _run("compare", str(ROOT / "data" / "articles"), "-q", columns=200)
    assert "data/articles/reuters.txt:" in table
    assert str(ROOT) not in table


@pytest.mark.parametrize(
    ("paths", "shown"),
    [
        pytest.param(["/news/a/x.md", "/news/b/x.md", "/news/b/y.md"],
                     ["a/x.md", "b/x.md", "y.md"], id="same-name-two-folders"),
        pytest.param(["../other/x.md", "data/x.md"], ["other/x.md", "data/x.md"],
                     id="outside-beside-inside"),
        pytest.param(["/home/me/work/./data/../data/x.md"], ["data/x.md"], id="normalised"),
        pytest.param(["/x.md", "/home/me/x.md"], ["/x.md", "me/x.md"], id="root-and-parent"),
    ],
)
def test_shown_paths(paths: list[str], shown: list[str]) -> None:
    """Inside the working folder relative, outside the shortest tail that tells files apart."""
    found = shown_paths(paths, cwd="/home/me/work")
    assert [found[p] for p in paths] == shown


def _positions(sizes: list[int]) -> tuple[Position, ...]:
    """Positions holding 1, 2, 3... articles each, every article stating the figure n."""
    positions = []
    for n, size in enumerate(sizes, 1):
        claims = []
        for k in range(size):
            art = make_article(f"p{n}-{k}", [f"It killed {n} people."], outlet=f"O{n}{k}")
            claims.append(make_claim(art, f"{n} people", Amount(float(n))))
        positions.append(Position(str(n), tuple(claims), tuple(c.article for c in claims)))
    return tuple(positions)


@pytest.mark.parametrize(
    ("sizes", "expected"),
    [
        pytest.param([1, 3, 2, 1, 1], "On people killed, O20, O21 and O22 say 2; O30 and O31 say 3;"
                     " O10 says 1 (and 2 more positions).", id="five"),
        pytest.param([2, 1, 1, 1], "On people killed, O10 and O11 say 1; O20 says 2; O30 says 3"
                     " (and 1 more position).", id="four"),
        pytest.param([1, 1, 1], "On people killed, O10 says 1; O20 says 2; O30 says 3.",
                     id="three"),
    ],
)
def test_explanation_names_three_positions_biggest_first(sizes: list[int], expected: str) -> None:
    """At most three positions are named, those most outlets hold first; the rest counted."""
    positions = _positions(sizes)
    labels = {a: a.replace("p", "O", 1).replace("-", "") for p in positions for a in p.articles}
    found = _explain("people killed", positions, Status.CONFLICT, Relation.CONTRADICTION, labels)
    assert found == expected


def test_counts_in_the_singular(two: Path) -> None:
    """One conflict is "1 conflict" in the table's title, the summary line and Markdown."""
    table, summary = _run("compare", str(two), "--no-claims")
    assert table.splitlines()[0].startswith("factcheck: 2 articles, 1 conflict, ")
    assert summary.startswith("2 articles: 1 conflict, ")
    assert "1 conflicts" not in table + summary
    markdown, _ = _run("compare", str(two), "--no-claims", "--format", "markdown", "-q")
    assert "Found **1 conflict**" in markdown
    _, checked = _run("claim", str(two / "a.md"), "--no-claims")
    assert "(against 1 article)" in checked
