"""Refresh the transcripts and scores in README.md from real runs.

    .venv/bin/python scripts/update_readme.py

The README shows real output; tests/test_readme.py fails when it drifts.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TRANSCRIPT_LINES = 40
PORT = 8000
"""The port the README serves data/pages on. The transcript is made on the first free port
from it on with as many digits (the machine may be busy; the same width keeps the table's
wrapping), and the port it got is written as this one."""
SERVED = {"links": ROOT / "data" / "pages"}
"""Transcripts of links: the folder served on 127.0.0.1 while the command runs, with a
fresh page cache; stderr is shown where it falls (the Skipped line, the summary)."""
COMMANDS = {
    "compare": ["compare", "data/articles"],
    "claim": ["claim", "data/articles/globaltimes.txt"],
    "markdown": ["compare", "data/articles", "--format", "markdown", "-q"],
    "links": [
        "compare",
        *(f"http://127.0.0.1:{PORT}/{name}.html" for name in ("courier", "notes", "wire", "gone")),
        "--no-claims",
    ],
    "stories": ["stories", "data/articles", "data/pages"],
    "mixed": ["compare", "data/articles", "data/pages", "--format", "markdown", "-q"],
}
EXCERPTS = {"markdown": ("## Conflicts", 16), "mixed": ("## Stories", 12)}
"""Transcripts shown from a heading on, for so many lines, instead of from the top."""


def run_factcheck(args: list[str], *, env: dict[str, str] | None = None,
                  stderr: bool = False) -> str:
    """factcheck's output as a reader sees it in a 100-column terminal without colour
    (with ``stderr``, both streams as they interleave)."""
    env = {**os.environ, **(env or {}), "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    if stderr:
        env["PYTHONUNBUFFERED"] = "1"
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT if stderr else subprocess.PIPE,
        text=True,
        check=True,
    )
    return done.stdout


@contextmanager
def serving(folder: Path) -> Iterator[int]:
    """Serve ``folder`` on 127.0.0.1, on a free port, while the block runs; yield the port."""

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format, *args):  # the transcript shows factcheck's output only
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    for port in range(PORT, 10 ** len(str(PORT))):
        try:
            server = ThreadingHTTPServer(("127.0.0.1", port), handler)
            break
        except OSError:
            continue
    else:
        raise RuntimeError(f"no free port from {PORT} to {port}")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def output(name: str) -> str:
    """The whole output of a README command (links: served from their folder)."""
    if name not in SERVED:
        return run_factcheck(COMMANDS[name])
    with serving(SERVED[name]) as port, tempfile.TemporaryDirectory() as cache:
        args = [a.replace(f"127.0.0.1:{PORT}/", f"127.0.0.1:{port}/") for a in COMMANDS[name]]
        text = run_factcheck(args, env={"FACTCHECK_CACHE_DIR": cache}, stderr=True)
    return text.replace(f"127.0.0.1:{port}/", f"127.0.0.1:{PORT}/")


def transcript(name: str) -> str:
    """The first lines of a command's output, as the README shows them."""
    lines = output(name).splitlines()
    start, count = 0, TRANSCRIPT_LINES
    if name in EXCERPTS:
        heading, count = EXCERPTS[name]
        start = lines.index(heading)
    shown = [line.rstrip() for line in lines[start:start + count]]
    if len(lines) > start + count:
        shown.append(f"... ({len(lines) - start - count} more lines)")
    return "\n".join(shown)


def scores() -> str:
    """A table of the scorer's figures on the samples, each devset cluster, and the devset
    pooled (the clusters added up, as ../shared/tools/devset.py pools them)."""
    rows = [
        "| articles | claim book | must-flags found | conflict groups explained | "
        "violations | provenance errors |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    targets = [("data/articles (samples)", "data/articles", SHARED / "gold" / "seeds.yaml", [])]
    for cluster in sorted((SHARED / "devset").glob("*/gold.yaml")):
        targets.append(
            (f"devset/{cluster.parent.name}", str(cluster.parent), cluster, ["--no-claims"])
        )
    pooled = [0, 0, 0, 0, 0, 0]
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
        text = done.stdout
        found = re.search(r"found: (\d+)/(\d+)", text)
        explained = re.search(r"explained by gold: (\d+)/(\d+)", text)
        last = dict(re.findall(r"(\w+)=([\d.]+)", text.strip().splitlines()[-1]))
        figures = [int(found[1]), int(found[2]), int(explained[1]), int(explained[2]),
                   int(last["violations"]), int(last["provenance_errors"])]
        if label.startswith("devset/"):
            pooled = [a + b for a, b in zip(pooled, figures, strict=True)]
        rows.append(_score_row(label, "none" if extra else "claims.yaml", figures))
    rows.append(_score_row("**devset, pooled**", "none", pooled))
    return "\n".join(rows)


def _score_row(label: str, book: str, f: list[int]) -> str:
    recall = f[0] / f[1] if f[1] else 1.0
    precision = f[2] / f[3] if f[3] else 1.0
    return (f"| {label} | {book} | {recall:.2f} ({f[0]}/{f[1]}) | {precision:.2f} "
            f"({f[2]}/{f[3]}) | {f[4]} | {f[5]} |")


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
