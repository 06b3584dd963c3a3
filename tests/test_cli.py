"""The command line, through click's CliRunner: outputs, exit codes, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

from .conftest import ARTICLES


@pytest.fixture
def runner() -> CliRunner:
    """A runner that keeps stderr apart from stdout."""
    return CliRunner()


def run(runner: CliRunner, *args: str):
    """Invoke factcheck and return the result."""
    return runner.invoke(main, list(args), catch_exceptions=False)


def test_help_lists_every_command(runner: CliRunner) -> None:
    """Every command has help text with an example."""
    result = run(runner, "--help")
    assert result.exit_code == 0
    for command in ("compare", "claim"):
        assert command in result.output
        sub = run(runner, command, "--help")
        assert sub.exit_code == 0
        assert "Example" in sub.output


def test_version(runner: CliRunner) -> None:
    """--version prints the package version."""
    result = run(runner, "--version")
    assert result.exit_code == 0
    assert "factcheck" in result.output


def test_compare_table_on_samples(runner: CliRunner) -> None:
    """The bundled articles give a table with conflicts first, and a summary on stderr."""
    result = run(runner, "compare", str(ARTICLES))
    assert result.exit_code == 0
    assert "Conflicts" in result.stdout
    assert "5 articles" in result.stderr


def test_compare_json_to_file(runner: CliRunner, tmp_path: Path) -> None:
    """-o writes JSON that follows the report contract and nothing to stdout."""
    out = tmp_path / "r.json"
    result = run(runner, "compare", str(ARTICLES), "--format", "json", "-o", str(out), "-q")
    assert result.exit_code == 0
    assert result.stdout == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {a["id"] for a in data["articles"]} == {
        "aljazeera",
        "breitbart",
        "globaltimes",
        "reuters",
        "unattributed",
    }
    assert data["groups"] and all(
        g["status"] in ("conflict", "agreement", "single") for g in data["groups"]
    )


def test_compare_markdown_stdout(runner: CliRunner) -> None:
    """--format markdown -o - writes the Markdown report to stdout."""
    result = run(runner, "compare", str(ARTICLES), "--format", "markdown", "-o", "-", "-q")
    assert result.exit_code == 0
    assert result.stdout.startswith("# factcheck report")
    assert "## Conflicts" in result.stdout


def test_fail_on_conflict(runner: CliRunner) -> None:
    """--fail-on conflict exits 1 when the articles disagree."""
    result = run(
        runner, "compare", str(ARTICLES), "--fail-on", "conflict", "-q", "--format", "json"
    )
    assert result.exit_code == 1


def test_claim_command(runner: CliRunner) -> None:
    """factcheck claim checks one article against the rest of its folder."""
    result = run(runner, "claim", str(ARTICLES / "reuters.txt"), "--format", "json", "-o", "-")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["article"]["id"] == "reuters"
    verdicts = {c["verdict"] for c in data["claims"]}
    assert "contradicted" in verdicts and "corroborated" in verdicts
    assert "reuters" not in data["against"]
    assert "corroborated" in result.stderr


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "nope", "no such file"),
        (lambda d: _mkdir(d / "empty"), "folder has no articles (.txt, .md"),
        (lambda d: _write(d / "e.txt", b""), "empty"),
        (lambda d: _write(d / "b.txt", b"\x89PNG\r\n\x1a\n\0\0\0"), "PNG image, not text"),
    ],
    ids=["missing-path", "empty-folder", "empty-file", "binary-file"],
)
def test_bad_input_is_one_line_error(runner: CliRunner, tmp_path: Path, make, message: str) -> None:
    """Bad input: one Error: line naming the file, exit 2, no traceback, nothing written."""
    target = make(tmp_path)
    out = tmp_path / "out.json"
    result = run(runner, "compare", str(target), "--format", "json", "-o", str(out))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ")
    assert str(target.name) in lines[0] and message in lines[0]
    assert "Traceback" not in result.output
    assert not out.exists()


def test_output_never_clobbers_an_article(runner: CliRunner, tmp_path: Path) -> None:
    """-o naming an input article is refused before any work."""
    art = tmp_path / "a.txt"
    art.write_text("Title\n\nNine people were jailed on Monday.\n", encoding="utf-8")
    before = art.read_bytes()
    result = run(runner, "compare", str(art), "-o", str(art))
    assert result.exit_code == 2
    assert "input article" in result.stderr
    assert art.read_bytes() == before


def test_unwritable_output_is_refused_before_work(runner: CliRunner, tmp_path: Path) -> None:
    """An output in a missing folder is an error naming the path, exit 2."""
    out = tmp_path / "missing" / "r.json"
    result = run(runner, "compare", str(ARTICLES), "-o", str(out))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_failed_run_keeps_previous_report(runner: CliRunner, tmp_path: Path) -> None:
    """A run that fails leaves the previous report intact."""
    out = tmp_path / "r.json"
    out.write_text("previous", encoding="utf-8")
    result = run(runner, "compare", str(tmp_path / "nope"), "--format", "json", "-o", str(out))
    assert result.exit_code == 2
    assert out.read_text(encoding="utf-8") == "previous"


def test_python_dash_m_works() -> None:
    """python -m factcheck runs the same command line."""
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "--help"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ},
    )
    assert done.returncode == 0
    assert "compare" in done.stdout


def test_quiet_prints_only_the_report(runner: CliRunner) -> None:
    """-q leaves stderr empty; the report still goes to stdout."""
    result = run(runner, "compare", str(ARTICLES), "--format", "json", "-q")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert json.loads(result.stdout)["schema"] == "factcheck.report/1"


def test_min_severity_hides_lesser_conflicts(runner: CliRunner) -> None:
    """--min-severity high keeps only high conflicts in the report."""
    result = run(runner, "compare", str(ARTICLES), "--format", "json", "-q",
                 "--min-severity", "high")
    severities = {g["severity"] for g in json.loads(result.stdout)["groups"]
                  if g["status"] == "conflict"}
    assert severities == {"high"}


def test_claim_book_names_groups_and_checks_reference(runner: CliRunner, tmp_path: Path) -> None:
    """A claim book's topic names the group and its reference value is checked."""
    book = tmp_path / "book.yaml"
    book.write_text(
        "topics:\n  - id: jailed\n    question: How many were jailed?\n    kind: count\n"
        "    cues: [sentenced]\nreferences:\n  - topic: jailed\n    value: 9\n"
        "    source: the court\n",
        encoding="utf-8",
    )
    result = run(runner, "compare", str(ARTICLES), "--format", "json", "-q", "--claims", str(book))
    groups = [g for g in json.loads(result.stdout)["groups"] if g["topic"] == "jailed"]
    assert groups and groups[0]["question"] == "How many were jailed?"
    referenced = [g for g in groups if g["reference"]]
    assert len(referenced) == 1 and "9 (the court): agrees with" in referenced[0]["reference"]


def test_no_claims_ignores_the_claim_book(runner: CliRunner) -> None:
    """--no-claims runs without ./claims.yaml: no group carries a topic."""
    result = run(runner, "compare", str(ARTICLES), "--format", "json", "-q", "--no-claims")
    assert all(g["topic"] is None for g in json.loads(result.stdout)["groups"])
