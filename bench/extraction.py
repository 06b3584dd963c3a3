"""Extraction bench: factcheck against quantulum3 and spaCy's raw entities.

Run from the project folder::

    .venv/bin/python bench/extraction.py

For the five sample articles in ``data/articles`` it measures, per tool:

* **gold values found**: every ``value`` that ``../shared/gold/seeds.yaml`` names
  under ``discrepancies``, ``agreements`` and ``distinct``, matched to an article
  the way ``score.py`` does (an ``articles`` key is a substring of the article
  id), and, when every predicate naming the value has a ``context``, found in a
  sentence that matches one of them;
* **read as the right type**: the value found as a mass for the masses, as a
  date for the year, as a plain number (count, ratio, percent) for the rest;
* **wrong extractions** that can be told mechanically: a mass read as anything
  else (money, a bare number), a year read as a number, a piece of a date or a
  clock time read as a number, a code, handle, abbreviation or idiom read as a
  number ("COVID-19", "@user", "a U.S. expert", "zero tolerance", "one of the
  largest"), and a non-person read as a person (checked against the people each
  article names, listed by hand below).

"Correct" adds the gold values read as the right type and the real people found
(distinct names per article); quantulum3 finds no people, so compare it with
factcheck on the number rows.

Every tool reads the whole file; only what it finds in the headline or the
body counts (the header lines are metadata, not claims). The peers are
quantulum3 (``parser.parse(text)``) and spaCy's own entities (CARDINAL,
QUANTITY, MONEY, PERCENT and DATE with a number read from the entity text;
PERSON for the people row), from the same ``en_core_web_sm`` parse factcheck
uses. The table is printed and written to ``bench/extraction.md``.
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from rich.console import Console
from rich.table import Table
from spacy.tokens import Doc
from text_to_num import text2num

from factcheck.articles import load_articles
from factcheck.extract import extract_claims, parse_text
from factcheck.models import Article, ClaimKind, DateValue
from factcheck.nlp import load_nlp

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "data" / "articles"
SEEDS = ROOT.parent / "shared" / "gold" / "seeds.yaml"
OUTPUT = ROOT / "bench" / "extraction.md"
TOOLS = ("factcheck", "quantulum3", "spaCy ents")

GOLD_TYPE = {11.9: "mass", 26.2: "mass", 1178.0: "mass", 2017.0: "date"}
"""The type each gold value has in its article; every other gold value is a plain number."""

PEOPLE = {
    "aljazeera": {"Donald Trump", "Trump", "Jim Carroll"},
    "breitbart": {"Ben Kew", "Donald Trump", "Trump", "Diao Daming", "Diao"},
    "globaltimes": {"Dianna", "Zhao Yusha", "Deng Ming", "Deng", "Wang Fengxi", "Donald Trump",
                    "Wei Xiaojun", "Lance Ho", "Ho", "Hua Zhendong"},
    "reuters": {"Huizhong Wu", "Diana", "Yu Haibin", "Yu", "Austin Moore", "Moore", "Jim Carroll",
                "Carroll", "Donald Trump", "Trump", "Xi Jinping", "Xi"},
    "unattributed": {"Diana", "Trump", "Xi Jinping", "Xi", "Liu Yong", "Donald Trump", "Yu",
                     "Moore", "Yu Haibing"},
}
"""Everyone each sample article names, read by hand (a seller's pseudonym included):
a PERSON outside this list is wrong."""

WHY_MISSED = {
    ("breitbart", 1.0): "the gold 1 is the headline's singular \"Smuggler\" (\"China Sentences "
                        "Fentanyl Smuggler to Death\"): no numeral states it, so no number "
                        "extractor can find it; the penalty claim there names no count",
}
"""Why factcheck misses a gold value it misses (found out by hand)."""

PLAIN = frozenset({"count", "ratio", "percent"})
MASS_UNIT = re.compile(
    r"\s*(?:kg|kgs|kilos?|kilogram(?:me)?s?|grams?|grammes?|tonnes?|tons?|pounds?|lbs?)\b", re.I)
YEAR = re.compile(r"(?<![\d,.])(?:18|19|20)\d\d(?![\d,])(?!\s+(?:people|persons|men|women|police"
                  r"|kilo|kg|tonnes|deaths)\b)")
MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
          "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
DATE_PART = re.compile(
    rf"\b(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\b"
    r"|\b\d+(?:/\d+){1,2}\b|\b\d{4}-\d\d-\d\d\b|\b\d{1,2}:\d\d(?::\d\d)?\b|\b\d{1,2}\s?[ap]\.?m\b",
)
CODE = re.compile(
    r"[@#]\w+|https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[A-Za-z]+-?\d+[A-Za-z]*\b"
    r"|\bzero[\s-]+tolerance\b|\bone\s+of\s+the\s+\w+(?:est|most)\b|\bone\s+another\b"
    r"|\bno\s+one\b",
    re.I,
)

ABBREVIATION = re.compile(r"\b[A-Z]$")
"""An extraction ending in a capital cut from an abbreviation: "a U" of "a U.S. expert"."""


@dataclass(frozen=True)
class Extraction:
    """One thing a tool found: where, what number (if any), and of what type."""

    start: int
    end: int
    text: str
    value: float | None
    type: str
    """"count", "mass", "length", "money", "ratio", "percent", "date", "duration",
    "person", "other"..."""


@dataclass(frozen=True)
class GoldValue:
    """A value the gold file names for one article."""

    article: str
    value: float
    contexts: tuple[str, ...]
    """Sentence patterns, one of which must match; empty when any sentence will do."""

    @property
    def type(self) -> str:
        return GOLD_TYPE.get(self.value, "number")


# --- gold ----------------------------------------------------------------------------------


def gold_values(seeds: dict, article_ids: Iterable[str]) -> list[GoldValue]:
    """Every (article, value) the seeds name, with the contexts that pin it down."""
    preds: list[dict] = []
    for section, key in (("discrepancies", "sides"), ("agreements", "claims"),
                         ("distinct", "claims")):
        for entry in seeds.get(section) or []:
            preds.extend(p for p in entry.get(key) or [] if "value" in p)
    found: dict[tuple[str, float], list[str | None]] = {}
    for art in article_ids:
        for pred in preds:
            if any(str(k).lower() in art.lower() for k in pred["articles"]):
                found.setdefault((art, float(pred["value"])), []).append(pred.get("context"))
    return [
        GoldValue(art, value, () if None in ctx else tuple(sorted(set(ctx))))
        for (art, value), ctx in sorted(found.items())
    ]


# --- the three tools ------------------------------------------------------------------------


def by_factcheck(article: Article, doc: Doc) -> Iterator[Extraction]:
    """factcheck's own claims."""
    for claim in extract_claims(article, doc):
        value: float | None = None
        kind = claim.kind
        if claim.amount is not None:
            value = claim.amount.amount
            typ = {ClaimKind.COUNT: "count"}.get(kind, claim.amount.dimension)
        elif isinstance(claim.value, DateValue):
            typ = "date"
            if claim.value.iso[:4].isdigit():
                value = float(claim.value.iso[:4])
        else:
            typ = "person" if kind is ClaimKind.PERSON else str(kind)
        yield Extraction(claim.start, claim.end, claim.text, value, typ)


QUANTULUM_TYPES = {"mass": "mass", "currency": "money", "length": "length", "time": "duration",
                   "dimensionless": "count", "speed": "speed", "area": "area",
                   "volume": "volume"}


def by_quantulum(article: Article, doc: Doc) -> Iterator[Extraction]:
    """quantulum3's quantities."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "classifier dependencies not installed": fine
        from quantulum3 import parser

        quantities = parser.parse(article.text)
    for q in quantities:
        start, end = q.span
        entity = q.unit.entity.name
        typ = "percent" if q.unit.name == "percentage" else QUANTULUM_TYPES.get(entity, entity)
        yield Extraction(start, end, article.text[start:end], float(q.value), typ)


SPACY_TYPES = {"CARDINAL": "count", "MONEY": "money", "PERCENT": "percent", "DATE": "date",
               "QUANTITY": "quantity"}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}


def by_spacy(article: Article, doc: Doc) -> Iterator[Extraction]:
    """spaCy's numeric entities, with a number read from their text, and its PERSONs."""
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            yield Extraction(ent.start_char, ent.end_char, ent.text, None, "person")
            continue
        if ent.label_ not in SPACY_TYPES:
            continue
        value = entity_number(ent)
        if value is None:
            continue
        typ = SPACY_TYPES[ent.label_]
        if typ == "quantity":
            typ = "mass" if MASS_UNIT.search(ent.text) else "quantity"
        yield Extraction(ent.start_char, ent.end_char, ent.text, value, typ)


def entity_number(ent) -> float | None:
    """The first number of an entity's text: digits, else number words; a scale word after it."""
    for i, tok in enumerate(ent):
        value = None
        digits = re.fullmatch(r"\d[\d,]*(?:\.\d+)?|\.\d+", tok.text)
        if digits:
            value = float(tok.text.replace(",", ""))
        elif tok.is_alpha:
            try:
                value = float(text2num(tok.lower_, "en"))
            except ValueError:
                value = None
        if value is not None:
            nxt = ent[i + 1].lower_ if i + 1 < len(ent) else ""
            return value * SCALES.get(nxt, 1.0)
    return None


# --- judging --------------------------------------------------------------------------------


def in_scope(article: Article, ext: Extraction) -> bool:
    """True for what lies in the headline or the body."""
    spans = [(article.body.start, article.body.end)]
    if article.title_span is not None:
        spans.append((article.title_span.start, article.title_span.end))
    return any(s <= ext.start and ext.end <= e for s, e in spans)


def sentence_of(doc: Doc, ext: Extraction) -> str:
    span = doc.char_span(ext.start, ext.end, alignment_mode="expand")
    return span.sent.text if span is not None else ""


def same(a: float | None, b: float) -> bool:
    return a is not None and math.isclose(a, b, rel_tol=1e-6)


def right_type(gold: GoldValue, ext: Extraction) -> bool:
    if gold.type == "number":
        return ext.type in PLAIN
    return ext.type == gold.type


def matching(gold: GoldValue, exts: list[Extraction], doc: Doc) -> list[Extraction]:
    """The extractions that state the gold value (in one of its contexts)."""
    hits = [e for e in exts if same(e.value, gold.value)]
    if gold.contexts:
        hits = [e for e in hits
                if any(re.search(c, " ".join(sentence_of(doc, e).split()), re.I)
                       for c in gold.contexts)]
    return hits


def person_name(text: str) -> str:
    """A PERSON's text as a name: spaces folded, a possessive "'s" dropped."""
    return re.sub(r"['’]s$", "", " ".join(text.split()))


def wrongs(article: Article, ext: Extraction) -> list[str]:
    """Why an extraction is wrong, as far as a rule can tell (empty when it may be right)."""
    text = article.text
    reasons = []
    if ext.type == "person":
        people = PEOPLE.get(article.id, set())
        if person_name(ext.text) not in people:
            reasons.append("non-person as PERSON")
        return reasons
    if ext.value is None:
        return reasons
    for m in re.finditer(r"\d[\d,]*(?:\.\d+)?", text[ext.start:ext.end]):
        end = ext.start + m.end()
        if MASS_UNIT.match(text, end) and ext.type != "mass":
            reasons.append("mass as non-mass")
            break
    if ext.type != "date":
        if any(m.start() < ext.end and ext.start < m.end() for m in _near(YEAR, text, ext)):
            reasons.append("year as number")
        elif any(m.start() < ext.end and ext.start < m.end() for m in _near(DATE_PART, text, ext)):
            reasons.append("date/time part as number")
    if any(m.start() < ext.end and ext.start < m.end() for m in _near(CODE, text, ext)) or (
            ABBREVIATION.search(ext.text) and text.startswith(".", ext.end)):
        reasons.append("code/abbreviation/idiom as number")
    return reasons


def _near(pattern: re.Pattern[str], text: str, ext: Extraction) -> Iterator[re.Match[str]]:
    lo = max(0, ext.start - 40)
    yield from pattern.finditer(text[:ext.end + 40], lo)


# --- the table ------------------------------------------------------------------------------


@dataclass
class Score:
    """One tool's figures."""

    found: dict[str, tuple[int, int]]
    typed: int = 0
    masses: tuple[int, int] = (0, 0)
    people: int = 0
    total: int = 0
    wrong: dict[str, int] | None = None
    examples: dict[str, list[str]] | None = None
    missed: list[str] | None = None


WRONG_KINDS = ("mass as non-mass", "year as number", "date/time part as number",
               "code/abbreviation/idiom as number", "non-person as PERSON")


def score(tool: str, articles: list[Article], docs: list[Doc], golds: list[GoldValue]) -> Score:
    runner = {"factcheck": by_factcheck, "quantulum3": by_quantulum, "spaCy ents": by_spacy}[tool]
    result = Score(found={}, wrong=dict.fromkeys(WRONG_KINDS, 0),
                   examples={k: [] for k in WRONG_KINDS}, missed=[])
    mass_hit = mass_all = 0
    people: set[tuple[str, str]] = set()
    for art, doc in zip(articles, docs, strict=True):
        exts = [e for e in runner(art, doc) if in_scope(art, e)]
        result.total += len(exts)
        mine = [g for g in golds if g.article == art.id]
        hits = [matching(g, exts, doc) for g in mine]
        result.found[art.id] = (sum(bool(h) for h in hits), len(mine))
        for gold, hit in zip(mine, hits, strict=True):
            typed = any(right_type(gold, e) for e in hit)
            result.typed += typed
            if not typed:
                near = [] if hit else [e for e in exts if e.value is not None
                                       and same(abs(e.value), gold.value)]
                how = ", ".join([f"{e.text!r} as {e.type}" for e in hit]
                                + [f"{e.text!r} as {e.type} {e.value:g}" for e in near])
                how = how or "not found"
                if tool == "factcheck" and (art.id, gold.value) in WHY_MISSED:
                    how += f" ({WHY_MISSED[art.id, gold.value]})"
                result.missed.append(f"{art.id}: {gold.value:g} ({gold.type}): {how}")
            if gold.type == "mass":
                mass_all += 1
                mass_hit += typed
        for ext in exts:
            if ext.type == "person" and person_name(ext.text) in PEOPLE.get(art.id, ()):
                people.add((art.id, person_name(ext.text)))
            for reason in wrongs(art, ext):
                result.wrong[reason] += 1
                result.examples[reason].append(f"{art.id}: {ext.text!r} ({ext.type})")
    result.masses = (mass_hit, mass_all)
    result.people = len(people)
    return result


def _share(hit: int, total: int) -> str:
    return f"{hit}/{total} ({hit / total:.0%})" if total else "n/a"


def rows(scores: dict[str, Score], article_ids: list[str]) -> list[tuple[str, ...]]:
    """The table as rows of strings: label, then one cell per tool."""
    out: list[tuple[str, ...]] = []
    for art in article_ids:
        out.append((f"gold values found: {art}",
                    *(_share(*scores[t].found[art]) for t in TOOLS)))
    for tool in TOOLS:
        s = scores[tool]
        s.found["all"] = (sum(h for h, _ in s.found.values()), sum(n for _, n in s.found.values()))
    out.append(("gold values found: all", *(_share(*scores[t].found["all"]) for t in TOOLS)))
    out.append(("gold values read as the right type",
                *(_share(scores[t].typed, scores[t].found["all"][1]) for t in TOOLS)))
    out.append(("masses read as mass", *(_share(*scores[t].masses) for t in TOOLS)))
    out.append(("real people found (distinct per article)",
                *(str(scores[t].people) if t != "quantulum3" else "n/a" for t in TOOLS)))
    for kind in WRONG_KINDS:
        out.append((f"wrong: {kind}", *(str(scores[t].wrong[kind]) for t in TOOLS)))
    out.append(("correct (right-type gold values + real people)",
                *(str(scores[t].typed + scores[t].people) for t in TOOLS)))
    out.append(("wrong (all of the above)", *(str(sum(scores[t].wrong.values())) for t in TOOLS)))
    out.append(("extractions in headline and body", *(str(scores[t].total) for t in TOOLS)))
    return out


def to_markdown(table: list[tuple[str, ...]], scores: dict[str, Score]) -> str:
    """The table and the wrong extractions, as Markdown."""

    def cell(text: str) -> str:
        return text.replace("|", r"\|").replace("`", r"\`").replace("<", "&lt;")

    lines = [
        "# Extraction bench",
        "",
        "Written by `.venv/bin/python bench/extraction.py` (see its docstring for the "
        "measures). Sample: the five articles in `data/articles`; gold: "
        "`../shared/gold/seeds.yaml`.",
        "",
        "| measure | " + " | ".join(TOOLS) + " |",
        "| --- | " + " | ".join("---:" for _ in TOOLS) + " |",
    ]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in table]
    lines += ["", "## Gold values not read as the right type", ""]
    for tool in TOOLS:
        missed = scores[tool].missed or []
        lines += [f"- {tool}: {cell(m)}" for m in missed] or [f"- {tool}: none"]
    lines += ["", "## Wrong extractions", ""]
    for tool in TOOLS:
        examples = scores[tool].examples or {}
        listed = [(k, e) for k in WRONG_KINDS for e in examples[k]]
        lines.append(f"### {tool}")
        lines.append("")
        lines += [f"- {cell(kind)}: {cell(example)}" for kind, example in listed] or ["- none"]
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    loaded = load_articles(ARTICLES)
    articles = list(loaded.articles)
    nlp = load_nlp()
    docs = [nlp(parse_text(a)) for a in articles]  # what factcheck itself parses
    seeds = yaml.safe_load(SEEDS.read_text(encoding="utf-8"))
    golds = gold_values(seeds, [a.id for a in articles])
    scores = {t: score(t, articles, docs, golds) for t in TOOLS}
    table = rows(scores, [a.id for a in articles])

    console = Console()
    rich_table = Table(title="Extraction bench: five sample articles, gold from seeds.yaml")
    rich_table.add_column("measure")
    for tool in TOOLS:
        rich_table.add_column(tool, justify="right")
    for row in table:
        rich_table.add_row(*row)
    console.print(rich_table)
    OUTPUT.write_text(to_markdown(table, scores) + "\n", encoding="utf-8")
    console.print(f"written to {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
