"""Refresh the transcripts and scores in README.md from real runs.

    .venv/bin/python scripts/update_readme.py

The README shows real output; tests/test_readme.py fails when it drifts.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TRANSCRIPT_LINES = 40
COMMANDS = {
    "compare": ["compare", "data/articles"],
    "claim": ["claim", "data/articles/globaltimes.txt"],
    "markdown": ["compare", "data/articles", "--format", "markdown", "-q"],
}
EXCERPTS = {"markdown": ("## Conflicts", 16)}
"""Transcripts shown from a heading on, for so many lines, instead of from the top."""


def run_factcheck(args: list[str]) -> str:
    """factcheck's output as a reader sees it in a 100-column terminal without colour."""
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def transcript(name: str) -> str:
    """The first lines of a command's output, as the README shows them."""
    lines = run_factcheck(COMMANDS[name]).splitlines()
    start, count = 0, TRANSCRIPT_LINES
    if name in EXCERPTS:
        heading, count = EXCERPTS[name]
        start = lines.index(heading)
    shown = [line.rstrip() for line in lines[start:start + count]]
    if len(lines) > start + count:
        shown.append(f"... ({len(lines) - start - count} more lines)")
    return "\n".join(shown)


def scores() -> str:
    """A table of the scorer's summary line on the samples and each devset cluster."""
    rows = [
        "| articles | claim book | recall | precision | violations | provenance errors |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    targets = [("data/articles (samples)", "data/articles", SHARED / "gold" / "seeds.yaml", [])]
    for cluster in sorted((SHARED / "devset").glob("*/gold.yaml")):
        targets.append(
            (f"devset/{cluster.parent.name}", str(cluster.parent), cluster, ["--no-claims"])
        )
    for label, path, gold, extra in targets:
        out = ROOT / ".readme-score.json"
        run_factcheck(["compare", path, "--format", "json", "-o", str(out), "-q", *extra])
        done = subprocess.run(
            [sys.executable, str(SHARED / "tools" / "score.py"), "--gold", str(gold), str(out)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        out.unlink()
        last = done.stdout.strip().splitlines()[-1]
        found = dict(re.findall(r"(\w+)=([\d.]+)", last))
        book = "none" if extra else "claims.yaml"
        rows.append(
            f"| {label} | {book} | {found['recall']} | {found['precision']} | "
            f"{found['violations']} | {found['provenance_errors']} |"
        )
    return "\n".join(rows)


def main() -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    for name in COMMANDS:
        block = (
            f"<!-- transcript:{name} -->\n```text\n{transcript(name)}\n```\n<!-- /transcript -->"
        )
        text = re.sub(
            rf"<!-- transcript:{name} -->.*?<!-- /transcript -->",
            lambda _m, block=block: block,
            text,
            flags=re.S,
        )
    text = re.sub(
        r"<!-- scores -->.*?<!-- /scores -->|^SCORES$",
        lambda _m: f"<!-- scores -->\n{scores()}\n<!-- /scores -->",
        text,
        flags=re.S | re.M,
    )
    readme.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
