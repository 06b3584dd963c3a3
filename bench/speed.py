"""How fast is factcheck, against the floor spaCy itself sets?

Builds a corpus of N news-like articles (default 1,000, about 600 words each)
by recombining the sentences of the sample articles with varied numbers,
names, places and outlets, in event clusters of 3 to 8 articles, into a
temporary folder (never committed). Then measures, as medians of ``--runs``
runs, each in a fresh process:

* the floor: ``nlp.pipe`` over the same texts with the pipeline factcheck
  loads (``factcheck.nlp.load_nlp()``), model load included, with one process
  and with all cores, and at several batch sizes;
* ``factcheck compare DIR --format json -o FILE`` cold (empty cache), warm
  (nothing changed), and ``factcheck claim ONE --against DIR`` warm;
* the peak RSS of the cold run (the whole process tree, sampled, and the
  largest single process from ``getrusage``);
* the cold time at 2N;
* ``factcheck --help`` and ``factcheck compare data/articles`` cold.

Prints a table and writes it to ``bench/results.md``.

    .venv/bin/python bench/speed.py [--n 1000] [--runs 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "articles"
RESULTS = ROOT / "bench" / "results.md"
BIN = Path(sys.executable).parent
FACTCHECK = str(BIN / "factcheck")
CORES = os.cpu_count() or 1
BATCH_SIZES = (8, 16, 32, 1000)

TARGETS = {
    "cold": "<= 1.3x floor",
    "warm": "<= 5% of cold",
    "2n": "<= 2.2x cold at N",
    "rss": "< 1 GB",
    "help": "< 0.3 s",
    "samples": "< 3 s",
}

# --- the corpus ------------------------------------------------------------------------

FIRST = (
    "Maria",
    "Ahmed",
    "Li",
    "Priya",
    "John",
    "Fatima",
    "Carlos",
    "Yuki",
    "Olga",
    "Kwame",
    "Ana",
    "David",
    "Mei",
    "Ravi",
    "Sarah",
    "Omar",
    "Elena",
    "Tomas",
    "Aisha",
    "Peter",
    "Hana",
    "Lucas",
    "Nadia",
    "Samuel",
    "Ines",
    "Viktor",
    "Zainab",
    "Marco",
    "Leila",
    "Ivan",
)
LAST = (
    "Lopez",
    "Hassan",
    "Wei",
    "Sharma",
    "Miller",
    "Okafor",
    "Silva",
    "Tanaka",
    "Petrova",
    "Mensah",
    "Costa",
    "Cohen",
    "Zhang",
    "Patel",
    "Brown",
    "Farouk",
    "Novak",
    "Berg",
    "Diallo",
    "Keller",
    "Moreau",
    "Rossi",
    "Nakamura",
    "Kowalski",
    "Haddad",
    "Jensen",
    "Alvarez",
    "Kim",
    "Osei",
    "Fischer",
    "Duarte",
    "Ibrahim",
    "Larsen",
    "Quinn",
)
PLACES = (
    "Lagos",
    "Manila",
    "Lima",
    "Oslo",
    "Hanoi",
    "Nairobi",
    "Quito",
    "Dhaka",
    "Accra",
    "Tbilisi",
    "Porto",
    "Cebu",
    "Kochi",
    "Perth",
    "Tripoli",
    "Bogota",
    "Riga",
    "Surabaya",
    "Mombasa",
    "Valencia",
    "Karachi",
    "Medan",
    "Cusco",
    "Tunis",
    "Gdansk",
    "Leon",
)
OUTLET_HEADS = (
    "The Daily",
    "Morning",
    "Evening",
    "National",
    "Global",
    "Metro",
    "City",
    "Coastal",
    "Northern",
    "Southern",
    "Capital",
    "Valley",
    "Harbour",
    "Union",
)
OUTLET_TAILS = (
    "Ledger",
    "Post",
    "Herald",
    "Courier",
    "Times",
    "Wire",
    "Chronicle",
    "Observer",
    "Gazette",
    "Tribune",
    "Standard",
    "Dispatch",
    "Record",
    "Sentinel",
)
NUMBER_WORDS = (
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
)
HEADER = re.compile(r"^\s*(#|Published( at)?:|Author:|Original:|By |Source:)", re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")
NUMBER = re.compile(
    r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w])|(?<![\w.,])\d+(?:\.\d+)?(?![\w])"
)
WORD_NUMBER = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)


@dataclass
class Material:
    """What the samples offer: sentences, headlines, people, places, outlets."""

    sentences: list[str]
    titles: list[str]
    people: list[str]
    places: list[str]
    outlets: list[str]


def read_samples(folder: Path) -> Material:
    """Sentences and headlines of the sample articles; people and places found by spaCy."""
    sentences: list[str] = []
    titles: list[str] = []
    outlets: list[str] = []
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".txt", ".md"):
            continue
        text = path.read_text(encoding="utf-8")
        for line in text.splitlines():
            line = line.strip()
            if not line:
                continue
            if line.startswith("#"):
                titles.append(line.lstrip("# ").strip())
                continue
            outlet = re.match(r"Original:\s*\[([^\]]+)\]", line)
            if outlet:
                outlets.append(outlet.group(1))
            if HEADER.match(line):
                continue
            words = line.split()
            if len(words) < 12 and not line.endswith((".", "”", '"')):
                titles.append(line)
                continue
            sentences.extend(s for s in SENTENCE_END.split(line) if len(s.split()) >= 5)
    sentences = list(dict.fromkeys(sentences))
    from factcheck.nlp import load_nlp

    nlp = load_nlp()
    people: set[str] = set()
    places: set[str] = set()
    for doc in nlp.pipe(sentences + titles):
        for ent in doc.ents:
            name = ent.text.strip()
            if not re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)*", name):
                continue
            if ent.label_ == "PERSON" and len(name.split()) > 1 and name.isascii():
                people.add(name)
            elif ent.label_ == "GPE" and len(name) > 3 and not re.search("America|States", name):
                places.add(name)
    lower = set(re.findall(r"\b[a-z]+\b", " ".join(sentences)))
    people = {p for p in people if not any(w.lower() in lower for w in p.split())}
    people |= {p.split()[-1] for p in people}  # "Yu said": surnames alone
    titles = [t for t in titles if len(t.split()) >= 4]
    outlets += ["Reuters", "Xinhua", "AFP", "AP", "Global Times"]
    by_length = {"key": len, "reverse": True}
    return Material(
        sentences,
        list(dict.fromkeys(titles)),
        sorted(people, **by_length),
        sorted(places - people, **by_length),
        sorted(set(outlets), **by_length),
    )


def _alternation(words: list[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile(r"(?<![\w])(" + "|".join(re.escape(w) for w in words) + r")(?![\w])")


@dataclass
class Event:
    """One story told by several outlets: its sentences and its substitutions."""

    sentences: list[str]
    titles: list[str]
    names: dict[str, str]
    numbers: dict[str, str]
    words: dict[str, str]
    year_shift: int
    date: dt.date
    rng: random.Random = field(repr=False)


def _new_number(text: str, rng: random.Random) -> str:
    plain = text.replace(",", "")
    value = float(plain)
    if "." not in plain and 1900 <= value <= 2099:
        return text  # years move with the event, elsewhere
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    new = max(value * rng.uniform(0.3, 3.0), 1 if decimals == 0 else 0.1)
    out = f"{new:.{decimals}f}" if decimals else str(round(new))
    if "," in text:
        out = f"{round(new):,}"
    return out


def make_event(material: Material, rng: random.Random) -> Event:
    """Pick an event's sentences and how its names and figures differ from the samples."""
    k = min(len(material.sentences), rng.randint(45, 70))
    sentences = rng.sample(material.sentences, k)
    names: dict[str, str] = {}
    for person in material.people:  # longest first: surnames follow their full name
        parts = person.split()
        if len(parts) == 1:
            full = next((v for p, v in names.items() if p.split()[-1] == person), None)
            names[person] = full.split()[-1] if full else rng.choice(LAST)
        else:
            names[person] = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    for place in material.places:
        names[place] = rng.choice(PLACES)
    numbers: dict[str, str] = {}
    words = dict(zip(NUMBER_WORDS, rng.sample(NUMBER_WORDS, len(NUMBER_WORDS)), strict=True))
    date = dt.date(2012, 1, 1) + dt.timedelta(days=rng.randrange(12 * 365))
    return Event(
        sentences,
        rng.sample(material.titles, min(4, len(material.titles))),
        names,
        numbers,
        words,
        date.year - 2019,
        date,
        rng,
    )


def _substitute(
    text: str, event: Event, material: Material, outlet: str, *, conflict: set[str]
) -> str:
    rng = event.rng
    pattern = _alternation(list(event.names))
    if pattern is not None:
        text = pattern.sub(lambda m: event.names[m.group(1)], text)
    outlets = _alternation(material.outlets)
    if outlets is not None:
        text = outlets.sub(outlet, text)

    def number(m: re.Match[str]) -> str:
        raw = m.group(0)
        plain = raw.replace(",", "")
        if "." not in plain and 1900 <= float(plain) <= 2099:
            return str(int(plain) + event.year_shift)
        if raw not in event.numbers:
            event.numbers[raw] = _new_number(raw, rng)
        if raw in conflict:
            return _new_number(raw, rng)
        return event.numbers[raw]

    text = NUMBER.sub(number, text)

    def word(m: re.Match[str]) -> str:
        raw = m.group(1)
        new = event.words[raw.lower()]
        if raw.lower() in conflict:
            new = rng.choice(NUMBER_WORDS)
        return new.capitalize() if raw[0].isupper() else new

    return WORD_NUMBER.sub(word, text)


def write_article(
    event: Event,
    material: Material,
    folder: Path,
    event_no: int,
    index: int,
    rng: random.Random,
    words: int,
) -> Path:
    """One outlet's telling of an event, about ``words`` words long, in Markdown style."""
    outlet = f"{rng.choice(OUTLET_HEADS)} {rng.choice(OUTLET_TAILS)}"
    order = event.sentences[:]
    rng.shuffle(order)
    chosen: list[str] = []
    count = 0
    target = int(words * rng.uniform(0.85, 1.15))
    while count < target:
        for sentence in order:
            chosen.append(sentence)
            count += len(sentence.split())
            if count >= target:
                break
    figures = NUMBER.findall(" ".join(chosen)) + [
        w.lower() for w in WORD_NUMBER.findall(" ".join(chosen))
    ]
    conflict = {rng.choice(figures)} if figures and rng.random() < 0.3 else set()
    body = [_substitute(s, event, material, outlet, conflict=conflict) for s in chosen]
    paragraphs = []
    i = 0
    while i < len(body):
        step = rng.randint(1, 3)
        paragraphs.append(" ".join(body[i : i + step]))
        i += step
    title = _substitute(rng.choice(event.titles), event, material, outlet, conflict=set())
    published = event.date + dt.timedelta(days=rng.randint(0, 2))
    stamp = published.isoformat() + (
        f"T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00+00:00" if rng.random() < 0.5 else ""
    )
    slug = re.sub(r"[^a-z0-9]+", "-", outlet.lower()).strip("-")
    text = (
        f"# {title}\n\nPublished at: **{stamp}**\n\n"
        f"Original: [{outlet}](https://example.org/{slug}/e{event_no:05d}-{index})\n\n"
        + "\n\n".join(paragraphs)
        + "\n"
    )
    path = folder / f"e{event_no:05d}_{index}_{slug}.md"
    path.write_text(text, encoding="utf-8")
    return path


def build_corpus(
    material: Material, folder: Path, n: int, *, seed: int, first_event: int = 0, words: int = 600
) -> list[Path]:
    """``n`` articles in clusters of 3 to 8 about one event each."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    event_no = first_event
    while len(paths) < n:
        size = min(rng.randint(3, 8), n - len(paths))
        event = make_event(material, rng)
        for index in range(size):
            paths.append(write_article(event, material, folder, event_no, index, rng, words))
        event_no += 1
    return paths


# --- measuring -------------------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    peak_tree_kb: int = 0
    peak_single_kb: int = 0


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, in KiB (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            ppid = int(fields[1])
            pages = int(fields[21])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
        rss[int(entry)] = pages * (os.sysconf("SC_PAGE_SIZE") // 1024)
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, ()))
    return total


def run(
    cmd: list[str],
    *,
    env: dict[str, str] | None = None,
    cwd: Path = ROOT,
    sample_memory: bool = False,
) -> Run:
    """Run a command in a fresh process: wall time, and when asked its peak memory, both
    of the whole process tree (sampled) and of its largest process (``wait4`` rusage)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            cmd, env={**os.environ, **(env or {})}, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err
        )
        peak = 0
        stop = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not stop.is_set():
                peak = max(peak, _tree_rss_kb(proc.pid))
                stop.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        if sample_memory:
            sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        stop.set()
        if sample_memory:
            sampler.join()
        if proc.returncode not in (0, 1):
            err.seek(0)
            raise SystemExit(
                f"{' '.join(cmd)} failed ({proc.returncode}):\n{err.read().decode()[-2000:]}"
            )
    return Run(seconds, peak, usage.ru_maxrss)


FLOOR_SCRIPT = """
import sys, pathlib
from factcheck.nlp import load_nlp
folder, batch, procs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(folder).iterdir())]
nlp = load_nlp()
for doc in nlp.pipe(texts, batch_size=batch, n_process=procs):
    pass
"""


def median_runs(label: str, runs: int, make: callable) -> list[Run]:
    out = []
    for i in range(runs):
        out.append(make())
        print(f"  {label} run {i + 1}/{runs}: {out[-1].seconds:.2f} s", file=sys.stderr)
    return out


def med(runs: list[Run]) -> float:
    return statistics.median(r.seconds for r in runs)


# --- the report ------------------------------------------------------------------------


@dataclass
class Row:
    what: str
    seconds: float | None
    ratio: str
    target: str
    ok: bool | None
    note: str = ""


def _fmt_seconds(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.3f} s" if value < 1 else f"{value:.2f} s"


def print_table(rows: list[Row], title: str) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    for name in ("measure", "time", "vs floor", "target", "met", "note"):
        table.add_column(name)
    for row in rows:
        met = "" if row.ok is None else ("yes" if row.ok else "NO")
        table.add_row(row.what, _fmt_seconds(row.seconds), row.ratio, row.target, met, row.note)
    console = Console()
    console.width = max(console.width, 132)
    console.print(table)


def markdown(rows: list[Row], header: list[str]) -> str:
    lines = [
        *header,
        "",
        "| measure | time | vs floor | target | met | note |",
        "| --- | ---: | ---: | --- | --- | --- |",
    ]
    for row in rows:
        met = "" if row.ok is None else ("yes" if row.ok else "**no**")
        cells = (row.what, _fmt_seconds(row.seconds), row.ratio, row.target, met, row.note)
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="articles in the corpus (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measure; medians reported")
    parser.add_argument("--words", type=int, default=600, help="words per article (about)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="generate the corpus here and keep it (default: a temporary folder)",
    )
    parser.add_argument("--no-batches", action="store_true", help="skip the batch-size comparison")
    parser.add_argument("--no-2n", action="store_true", help="skip the run at 2N")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    corpus_root = args.keep or work
    small, large = corpus_root / f"n{args.n}", corpus_root / f"n{2 * args.n}"
    try:
        print(f"Building {args.n} articles (and {2 * args.n}) from {SAMPLES} ...", file=sys.stderr)
        material = read_samples(SAMPLES)
        for folder in (small, large):
            if folder.exists():
                shutil.rmtree(folder)
        first = build_corpus(material, small, args.n, seed=args.seed, words=args.words)
        if not args.no_2n:
            shutil.copytree(small, large)
            build_corpus(
                material,
                large,
                args.n,
                seed=args.seed + 1,
                first_event=int(first[-1].name[1:6]) + 1,
                words=args.words,
            )
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in first)
        print(
            f"  {len(first)} articles, {words / len(first):.0f} words each on average",
            file=sys.stderr,
        )
        rows = measure(args, small, large, first[0], work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    from factcheck.nlp import BATCH_SIZE, load_nlp

    nlp = load_nlp()
    title = (
        f"factcheck speed: {args.n} articles of about {args.words} words, {CORES} cores, "
        f"median of {args.runs}"
    )
    print_table(rows, title)
    header = [
        "# factcheck speed",
        "",
        f"Measured {dt.date.today().isoformat()} on {CORES} cores "
        f"({platform.processor() or platform.machine()}, "
        f"{platform.system()}), Python {platform.python_version()}, "
        f"spaCy pipeline {nlp.meta.get('name')} {nlp.meta.get('version')} "
        f"({', '.join(nlp.pipe_names)}), nlp.BATCH_SIZE={BATCH_SIZE}.",
        f"Corpus: {args.n} generated articles of about {args.words} words in event clusters "
        f"of 3 to 8, recombined from data/articles (seed {args.seed}). Each figure is the "
        f"median of {args.runs} runs in a fresh process, model load included.",
        "",
        f"Regenerate with `.venv/bin/python bench/speed.py --n {args.n} --runs {args.runs}`.",
    ]
    args.output.write_text(markdown(rows, header), encoding="utf-8")
    print(f"Wrote {args.output}", file=sys.stderr)


def measure(args, small: Path, large: Path, one: Path, work: Path) -> list[Row]:
    """Every figure of the table. The floor and factcheck's cold run alternate, run by run,
    so that whatever else the machine does weighs on both alike."""
    from factcheck.nlp import BATCH_SIZE

    runs = args.runs
    report = work / "report.json"

    def floor_run(folder: Path, batch: int, procs: int) -> Run:
        return run([sys.executable, "-c", FLOOR_SCRIPT, str(folder), str(batch), str(procs)])

    def compare_cmd(folder: Path) -> list[str]:
        return [FACTCHECK, "compare", str(folder), "--format", "json", "-o", str(report)]

    claim_cmd = [FACTCHECK, "claim", str(one), "--against", str(small), "--format", "json",
                 "-o", str(report)]  # fmt: skip
    one_runs: list[Run] = []
    all_runs: list[Run] = []
    cold_runs: list[Run] = []
    warm_runs: list[Run] = []
    claim_runs: list[Run] = []
    print("Floor (nlp.pipe) and factcheck compare, alternating ...", file=sys.stderr)
    for i in range(runs):
        one_runs.append(floor_run(small, BATCH_SIZE, 1))
        if CORES > 1:
            all_runs.append(floor_run(small, BATCH_SIZE, CORES))
        env = {"FACTCHECK_CACHE_DIR": str(work / f"cache-{i}")}
        cold_runs.append(run(compare_cmd(small), env=env, sample_memory=True))
        warm_runs.append(run(compare_cmd(small), env=env))
        run(claim_cmd, env=env)  # its first run compares in the claim's own order
        claim_runs.append(run(claim_cmd, env=env))
        shutil.rmtree(work / f"cache-{i}", ignore_errors=True)
        print(
            f"  run {i + 1}/{runs}: nlp.pipe 1 process {one_runs[-1].seconds:.2f} s, "
            f"{CORES} processes {all_runs[-1].seconds if all_runs else 0:.2f} s; compare cold "
            f"{cold_runs[-1].seconds:.2f} s, warm {warm_runs[-1].seconds:.2f} s, claim warm "
            f"{claim_runs[-1].seconds:.2f} s",
            file=sys.stderr,
        )
    one_proc = med(one_runs)
    all_procs = med(all_runs) if all_runs else one_proc
    best_procs = 1 if one_proc <= all_procs else CORES
    base = min(one_proc, all_procs)

    def ratio(value: float) -> str:
        return f"{value / base:.2f}x"

    rows = [
        Row(
            f"floor: nlp.pipe, 1 process (batch {BATCH_SIZE})",
            one_proc,
            ratio(one_proc),
            "",
            None,
            "model load included" + ("; the floor" if best_procs == 1 else ""),
        )
    ]
    if CORES > 1:
        rows.append(
            Row(
                f"floor: nlp.pipe, {CORES} processes (batch {BATCH_SIZE})",
                all_procs,
                ratio(all_procs),
                "",
                None,
                "the floor" if best_procs == CORES else "",
            )
        )
    if not args.no_batches:
        for batch in BATCH_SIZES:
            if batch == BATCH_SIZE:
                continue
            label = f"nlp.pipe batch {batch}"
            t = med(median_runs(label, runs, lambda b=batch: floor_run(small, b, best_procs)))
            plural = "es" if best_procs > 1 else ""
            rows.append(
                Row(
                    f"floor at batch {batch} ({best_procs} process{plural})",
                    t,
                    ratio(t),
                    "",
                    None,
                    "choosing nlp.BATCH_SIZE",
                )
            )
    cold, warm, claim = med(cold_runs), med(warm_runs), med(claim_runs)
    rows.append(
        Row(
            "compare cold (empty cache)",
            cold,
            ratio(cold),
            TARGETS["cold"],
            cold <= 1.3 * base,
            f"{cold / args.n * 1000:.1f} ms per article",
        )
    )
    rows.append(
        Row(
            "compare warm (nothing changed)",
            warm,
            f"{warm / cold:.1%} of cold",
            TARGETS["warm"],
            warm <= 0.05 * cold,
        )
    )
    rows.append(
        Row(
            "claim ONE --against DIR, warm",
            claim,
            f"{claim / cold:.1%} of cold",
            "",
            None,
            "second run of the same command",
        )
    )
    tree = max(r.peak_tree_kb for r in cold_runs) / 1024
    single = max(r.peak_single_kb for r in cold_runs) / 1024
    rows.append(
        Row(
            "peak RSS, compare cold (process tree)",
            None,
            f"{tree:,.0f} MB",
            TARGETS["rss"],
            tree < 1024,
            f"largest single process {single:,.0f} MB",
        )
    )

    if not args.no_2n:
        print(f"factcheck compare at 2N = {2 * args.n} ...", file=sys.stderr)
        big_runs = []
        for i in range(runs):
            env = {"FACTCHECK_CACHE_DIR": str(work / f"cache-2n-{i}")}
            big_runs.append(run(compare_cmd(large), env=env))
            print(f"  run {i + 1}/{runs}: {big_runs[-1].seconds:.2f} s", file=sys.stderr)
            shutil.rmtree(work / f"cache-2n-{i}", ignore_errors=True)
        big = med(big_runs)
        rows.append(
            Row(
                f"compare cold at 2N = {2 * args.n}",
                big,
                f"{big / cold:.2f}x cold at N",
                TARGETS["2n"],
                big <= 2.2 * cold,
                f"{big / (2 * args.n) * 1000:.1f} ms per article",
            )
        )

    print("Small things ...", file=sys.stderr)
    h = med([run([FACTCHECK, "--help"]) for _ in range(max(runs, 5))])
    rows.append(Row("factcheck --help", h, "", TARGETS["help"], h < 0.3))
    samples = []
    for i in range(runs):
        env = {"FACTCHECK_CACHE_DIR": str(work / f"cache-samples-{i}")}
        samples.append(run([FACTCHECK, "compare", "data/articles", "-o",
                            str(work / "samples.txt")], env=env))  # fmt: skip
    s = med(samples)
    rows.append(
        Row(
            "compare data/articles cold (5 articles)",
            s,
            "",
            TARGETS["samples"],
            s < 3,
            "model load included",
        )
    )
    return rows


if __name__ == "__main__":
    main()
