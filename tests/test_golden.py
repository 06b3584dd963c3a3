"""Golden reports on the sample articles: any change to the output is a visible diff.

Regenerate on purpose only: ``.venv/bin/python -m pytest tests/test_golden.py --update-golden``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from factcheck.cli import main

from .conftest import ROOT

GOLDEN = Path(__file__).parent / "golden"
CASES = {
    "report.json": ["compare", "data/articles", "--format", "json"],
    "report.md": ["compare", "data/articles", "--format", "markdown"],
    "claim-reuters.json": ["claim", "data/articles/reuters.txt", "--format", "json"],
    "claim-reuters.md": ["claim", "data/articles/reuters.txt", "--format", "markdown"],
}


def render(args: list[str]) -> str:
    """The command's output, run from the repository root like the README."""
    result = CliRunner().invoke(main, [*args, "-o", "-", "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name: str, update_golden: bool) -> None:
    """The output equals the committed golden file, byte for byte."""
    assert Path.cwd() == ROOT
    out = render(CASES[name])
    path = GOLDEN / name
    if update_golden:
        path.write_text(out, encoding="utf-8", newline="")
    assert path.read_text(encoding="utf-8") == out


def test_two_runs_are_identical() -> None:
    """JSON output is stable: two runs on the same input are byte-identical."""
    assert render(CASES["report.json"]) == render(CASES["report.json"])


def test_markdown_report_renders_on_github() -> None:
    """The Markdown report parses into the expected sections and well-formed tables."""
    html = MarkdownIt("commonmark").enable("table").render(render(CASES["report.md"]))
    for heading in ("Sources", "Conflicts", "Agreements", "Single-source claims"):
        assert f"<h2>{heading}</h2>" in html
    assert html.count("<table>") >= 4
    assert "<script" not in html
