"""Running factcheck in-process for the input tests (pages, feeds, links)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from factcheck.cli import main


def run(*args: str | Path) -> Result:
    """Invoke factcheck in-process, stderr kept apart."""
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def refused(target: Path, tmp_path: Path, *options: str) -> str:
    """Compare ``target`` into a report file; assert the run is one Error line, exit 2, with
    nothing written; return that line."""
    out = tmp_path / "out" / "report.json"
    out.parent.mkdir()
    result = run("compare", target, *options, "--format", "json", "-o", out)
    assert result.exit_code == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), lines
    assert list(out.parent.iterdir()) == []
    return lines[0]
