"""The comparator's judgement, scored by the shared scorer against the gold files.

These run exactly what a reviewer runs: ``factcheck compare ... --format json``
then ``../shared/tools/score.py --gold ...``.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

from .conftest import ARTICLES, DEVSET, ROOT, SCORER, SEEDS

CLUSTERS = sorted(p for p in DEVSET.iterdir() if (p / "gold.yaml").is_file())


def score(report: Path, gold: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run the shared scorer on a report."""
    return subprocess.run(
        [
            sys.executable,
            str(SCORER),
            "--gold",
            str(gold),
            str(report),
            "--root",
            str(ROOT),
            *extra,
        ],
        capture_output=True,
        text=True,
        check=False,
    )


def compare_json(target: Path, out: Path, *extra: str) -> None:
    """factcheck compare TARGET --format json -o OUT, through the CLI."""
    result = CliRunner().invoke(
        main,
        ["compare", str(target), "--format", "json", "-o", str(out), "-q", *extra],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output


def test_shared_folder_is_beside_the_checkout() -> None:
    """The gold files, scorer and devset are where CI puts them."""
    assert SEEDS.is_file() and SCORER.is_file() and len(CLUSTERS) >= 3


def test_sample_articles_meet_the_gold(tmp_path: Path) -> None:
    """All must-flag discrepancies, precision >= 0.9, no violation, no provenance error."""
    out = tmp_path / "r.json"
    compare_json(ARTICLES.relative_to(ROOT), out)
    done = score(
        out, SEEDS, "--min-recall", "1.0", "--min-precision", "0.9", "--max-violations", "0"
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "provenance_errors=0" in done.stdout


def test_sample_articles_without_claim_book(tmp_path: Path) -> None:
    """The claim book steers, but the checker finds the same without it."""
    out = tmp_path / "r.json"
    compare_json(ARTICLES.relative_to(ROOT), out, "--no-claims")
    done = score(
        out, SEEDS, "--min-recall", "1.0", "--min-precision", "0.9", "--max-violations", "0"
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _fraction(pattern: str, text: str) -> tuple[int, int]:
    match = re.search(pattern, text)
    assert match, text
    return int(match.group(1)), int(match.group(2))


# The devset goal (issue 11, and ../shared/tools/devset.py --min-recall 0.9 --min-precision 0.85):
# pooled recall >= 0.9, precision >= 0.85, no violation, no provenance error.
GOAL = {"recall": 0.90, "precision": 0.85, "violations": 0}

# The floor guards what has been reached; raise it as the scores rise, never lower it.
FLOOR = {"recall": 0.85, "precision": 0.95, "violations": 1}


@pytest.mark.devset
def test_devset_pooled_scores(tmp_path: Path) -> None:
    """Real news of other events, no claim book: the pooled scores stay at or above the
    floor reached so far (the goal is GOAL), and no provenance error in any cluster."""
    found = must = explained = conflicts = violations = 0
    for cluster in CLUSTERS:
        out = tmp_path / f"{cluster.name}.json"
        compare_json(cluster, out, "--no-claims")
        done = score(out, cluster / "gold.yaml")
        assert done.returncode == 0, done.stdout + done.stderr
        a, b = _fraction(r"must-flag discrepancies found: (\d+)/(\d+)", done.stdout)
        c, d = _fraction(r"conflict groups explained by gold: (\d+)/(\d+)", done.stdout)
        found, must, explained, conflicts = found + a, must + b, explained + c, conflicts + d
        violations += int(re.search(r"violations=(\d+)", done.stdout).group(1))
        assert "provenance_errors=0" in done.stdout, f"{cluster.name}: {done.stdout}"
    assert found / must >= FLOOR["recall"], f"recall {found}/{must}"
    assert explained / max(conflicts, 1) >= FLOOR["precision"], f"precision {explained}/{conflicts}"
    assert violations <= FLOOR["violations"], f"{violations} violations"
