"""How factcheck scales: a mixed feed split into stories, and many figures of one kind.

1. **A mixed feed.** N articles (default 10,000) made as ``bench/speed.py`` makes its
   corpus (events of 3 to 8 articles recombined from the samples, about 600 words each),
   written as one JSONL feed in shuffled order, so that the stories are mixed. Each run is
   a fresh process with an empty cache:

   * ``factcheck compare FEED``: split into stories, compared story by story;
   * ``factcheck compare FEED --one-story``: the single-story run of the same size;
   * both again with the claims cached and the report not (split and compare alone).

   Reported: wall and CPU time, time per article, the peak memory of the process tree
   (sampled), and the split's pairwise precision and recall against the generated events
   (read from the JSON report's ``story`` fields). Targets: under 2 GB; time per article
   at most 1.5 times the single-story run's.
2. **Progress.** A cold compare of the first 150 articles with stderr on a pseudo-terminal
   shows the progress bar; with stderr piped it shows none.
3. **Many figures of one kind.** Two articles, one holding N sentences like "Officials
   said 123456 people were hurt." (N = 250, 500, 1,000, 20,000; random and identical
   figures). Targets: 1,000 in under 5 s, 20,000 in under a minute, under 1 GB.

Prints a table and writes ``bench/scale.md``.

    .venv/bin/python bench/scale.py [--n 10000] [--skip-feed] [--skip-figures]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import pty
import random
import re
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import speed  # beside this file

ROOT = speed.ROOT
RESULTS = ROOT / "bench" / "scale.md"
FACTCHECK = speed.FACTCHECK
FIGURES = (250, 500, 1000, 20000)
SENTENCE = "Officials said {n} people were hurt."
HEADER = re.compile(
    r"# (?P<title>.*)\n\nPublished at: \*\*(?P<published>[^*]+)\*\*\n\n"
    r"Original: \[(?P<outlet>[^\]]+)\]\((?P<url>[^)]+)\)\n\n(?P<body>.*)",
    re.S,
)


@dataclass
class Run:
    """One command in a fresh process: wall and CPU seconds, peak memory of its tree."""

    wall: float
    cpu: float
    peak_mb: float
    stderr: str


def measure(cmd: list[str], *, env: dict[str, str], cwd: Path) -> Run:
    """Run a command, sampling the memory of its process tree every 50 ms."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, env={**os.environ, **env}, cwd=cwd,
                                stdout=subprocess.DEVNULL, stderr=err)  # fmt: skip
        peak = 0
        stop = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not stop.is_set():
                peak = max(peak, speed._tree_rss_kb(proc.pid))
                stop.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        stop.set()
        sampler.join()
        err.seek(0)
        text = err.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({code}):\n{text[-2000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, peak / 1024, text)


# --- the feed ---------------------------------------------------------------------------


def build_feed(folder: Path, n: int, seed: int) -> tuple[Path, dict[str, str]]:
    """A JSONL feed of ``n`` generated articles in shuffled order, and the event of each
    article's url."""
    material = speed.read_samples(speed.SAMPLES)
    corpus = folder / "corpus"
    paths = speed.build_corpus(material, corpus, n, seed=seed)
    items, truth = [], {}
    for path in paths:
        match = HEADER.match(path.read_text(encoding="utf-8"))
        assert match, path
        item = {k: match.group(k) for k in ("title", "published", "outlet", "url")}
        item["text"] = match.group("body")
        items.append(item)
        truth[item["url"]] = path.name.split("_")[0]
    random.Random(seed).shuffle(items)
    feed = folder / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as handle:
        for item in items:
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")
    shutil.rmtree(corpus)
    return feed, truth


def pairwise(report: Path, truth: dict[str, str]) -> tuple[float, float, int]:
    """Pairwise precision and recall of the report's stories against the events, and the
    number of stories."""
    data = json.loads(report.read_text(encoding="utf-8"))
    found = {a["url"]: a["story"] for a in data["articles"]}
    by_event: dict[str, list[str]] = {}
    by_story: dict[str, list[str]] = {}
    for url, story in found.items():
        by_event.setdefault(truth[url], []).append(url)
        by_story.setdefault(story, []).append(url)
    same_story = sum(len(v) * (len(v) - 1) // 2 for v in by_story.values())
    same_event = sum(len(v) * (len(v) - 1) // 2 for v in by_event.values())
    both = sum(
        1 for urls in by_story.values() for a, b in combinations(urls, 2) if truth[a] == truth[b]
    )
    return both / max(same_story, 1), both / max(same_event, 1), len(by_story)


def feed_rows(args, work: Path) -> list[list[str]]:
    print(f"Building a feed of {args.n} articles ...", file=sys.stderr)
    feed, truth = build_feed(work, args.n, args.seed)
    rows = []
    per_article = {}
    for label, extra in (("split into stories", []), ("--one-story", ["--one-story"])):
        cache = work / f"cache-{len(extra)}"
        report = work / f"report-{len(extra)}.json"
        cmd = [FACTCHECK, "compare", str(feed), "--format", "json", "-o", str(report),
               "--no-claims", "-q", *extra]  # fmt: skip
        env = {"FACTCHECK_CACHE_DIR": str(cache)}
        print(f"  compare {label}, cold ...", file=sys.stderr)
        cold = measure(cmd, env=env, cwd=work)
        shutil.rmtree(cache / "reports", ignore_errors=True)
        print(f"  compare {label}, claims cached ...", file=sys.stderr)
        warm = measure(cmd, env=env, cwd=work)
        precision, recall, stories = pairwise(report, truth)
        per_article[label] = cold.wall / args.n
        note = f"{stories} stories, pairwise P {precision:.2f} R {recall:.2f}"
        if extra:
            note = "the baseline"
        rows.append([f"compare {args.n:,} mixed articles, {label}, cold", _s(cold.wall),
                     _s(cold.cpu), f"{cold.wall / args.n * 1000:.1f} ms",
                     f"{cold.peak_mb:,.0f} MB", "< 2 GB", _met(cold.peak_mb < 2048), note])
        rows.append(["  the same, claims cached (split and compare)", _s(warm.wall),
                     _s(warm.cpu), f"{warm.wall / args.n * 1000:.2f} ms",
                     f"{warm.peak_mb:,.0f} MB", "", "", ""])  # fmt: skip
        shutil.rmtree(cache, ignore_errors=True)
    ratio = per_article["split into stories"] / per_article["--one-story"]
    rows.append(["time per article, split / single story", "", "", f"{ratio:.2f}x", "",
                 "<= 1.5x", _met(ratio <= 1.5), ""])  # fmt: skip
    rows += progress_rows(feed, work)
    return rows


def progress_rows(feed: Path, work: Path) -> list[list[str]]:
    """A progress bar on a terminal, none when stderr is piped."""
    small = work / "small.jsonl"
    with feed.open(encoding="utf-8") as handle:
        small.write_text("".join(next(handle) for _ in range(150)), encoding="utf-8")
    cmd = [FACTCHECK, "compare", str(small), "--format", "json", "-o", os.devnull,
           "--no-claims", "--no-cache"]  # fmt: skip
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(work / "cache-progress"), "COLUMNS": "100"}
    main, secondary = pty.openpty()
    proc = subprocess.Popen(cmd, env=env, cwd=work, stdout=subprocess.DEVNULL, stderr=secondary)
    os.close(secondary)
    seen = b""
    while True:
        ready, _, _ = select.select([main], [], [], 1)
        if ready:
            try:
                chunk = os.read(main, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        elif proc.poll() is not None:
            break
    proc.wait()
    os.close(main)
    piped = subprocess.run(cmd, env=env, cwd=work, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, check=False).stderr  # fmt: skip
    on_terminal = b"Parsing articles" in seen
    quiet_piped = b"Parsing articles" not in piped and b"\x1b[" not in piped
    return [
        ["progress bar, stderr a terminal (150 articles)", "", "", "", "", "shown",
         _met(on_terminal), "rich bar on stderr" if on_terminal else "none seen"],
        ["progress bar, stderr piped", "", "", "", "", "none", _met(quiet_piped),
         piped.decode(errors="replace").strip().splitlines()[-1][:60]],
    ]  # fmt: skip


# --- many figures of one kind -----------------------------------------------------------


def figure_rows(work: Path) -> list[list[str]]:
    rows = []
    rng = random.Random(1)
    for n in FIGURES:
        for kind in ("random", "identical"):
            folder = work / f"figures-{n}-{kind}"
            folder.mkdir()
            numbers = [rng.randint(100_000, 999_999) if kind == "random" else 123456
                       for _ in range(n)]  # fmt: skip
            body = " ".join(SENTENCE.format(n=x) for x in numbers)
            (folder / "long.txt").write_text(f"Injured count\n\n{body}\n", encoding="utf-8")
            (folder / "other.txt").write_text(
                "Another report\n\n" + SENTENCE.format(n=123456) + "\n", encoding="utf-8"
            )
            cmd = [FACTCHECK, "compare", str(folder), "--format", "json", "-o",
                   str(work / "figures.json"), "--no-claims", "-q", "--no-cache"]  # fmt: skip
            print(f"  {n:,} {kind} figures ...", file=sys.stderr)
            run = measure(cmd, env={"FACTCHECK_CACHE_DIR": str(work / "cache-figures")},
                          cwd=work)  # fmt: skip
            target = {1000: 5.0, 20000: 60.0}.get(n)
            met = "" if target is None else _met(run.wall < target and run.peak_mb < 1024)
            size = (folder / "long.txt").stat().st_size / 1e6
            rows.append([f"{n:,} {kind} figures of one kind ({size:.2f} MB)", _s(run.wall),
                         _s(run.cpu), "", f"{run.peak_mb:,.0f} MB",
                         f"< {target:g} s, < 1 GB" if target else "", met, ""])  # fmt: skip
    return rows


# --- the report -------------------------------------------------------------------------

COLUMNS = ["measure", "wall", "CPU", "per article", "peak memory", "target", "met", "note"]


def _s(seconds: float) -> str:
    return f"{seconds:.2f} s"


def _met(ok: bool) -> str:
    return "yes" if ok else "**no**"


def markdown(rows: list[list[str]], header: list[str]) -> str:
    lines = [*header, "", "| " + " | ".join(COLUMNS) + " |",
             "| --- | ---: | ---: | ---: | ---: | --- | --- | --- |"]  # fmt: skip
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles in the feed")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-feed", action="store_true", help="only the figures")
    parser.add_argument("--skip-figures", action="store_true", help="only the feed")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="factcheck-scale-"))
    load_before = os.getloadavg()
    try:
        rows = []
        if not args.skip_feed:
            rows += feed_rows(args, work)
        if not args.skip_figures:
            print("Many figures of one kind ...", file=sys.stderr)
            rows += figure_rows(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    load_after = os.getloadavg()
    header = [
        "# factcheck at scale",
        "",
        f"Measured {dt.date.today().isoformat()} on {speed.CORES} cores "
        f"({platform.processor() or platform.machine()}, {platform.system()}), Python "
        f"{platform.python_version()}; load average {load_before[0]:.1f} before, "
        f"{load_after[0]:.1f} after (the machine is shared: CPU time is the steadier figure). "
        "Each run is a fresh process with an empty cache, model load included; memory is the "
        "peak of the whole process tree, sampled every 50 ms.",
        "",
        f"Regenerate with `.venv/bin/python bench/scale.py --n {args.n}` "
        "(see its docstring for what each row measures).",
    ]
    text = markdown(rows, header)
    args.output.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
