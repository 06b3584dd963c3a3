"""Helpers shared by the renderers: value labels, JSON values, text cleaning, quotes."""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any
from urllib.parse import quote, urlsplit

from factcheck.models import (
    Amount,
    Article,
    ArticleCheck,
    Claim,
    DateValue,
    Outcome,
    Penalty,
    Report,
    Value,
)

_LINE_BREAKS = re.compile(r"\r\n|[\t\n\v\f\r\x85\u2028\u2029]")
_ESCAPE_SEQUENCES = re.compile(
    r"""
      (?:\x1b\]|\x9d) .*? (?:\x07|\x1b\\|\x9c)                 # OSC ... BEL or ST
    | (?:\x1b[PX^_]|[\x90\x98\x9e\x9f]) .*? (?:\x1b\\|\x9c)    # DCS, SOS, PM, APC ... ST
    | (?:\x1b\[|\x9b) [\x30-\x3f]* [\x20-\x2f]* [\x40-\x7e]    # CSI
    | \x1b [\x20-\x2f]* [\x30-\x7e]                            # other ESC sequences
    """,
    re.VERBOSE | re.DOTALL,
)
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def clean_terminal(text: str) -> str:
    """Make article text safe to show: no escape sequences, controls or bidi overrides.

    Line breaks and tabs become spaces; ANSI/OSC/DCS escape sequences, the other
    C0 and C1 control characters, DEL and the bidi embedding/override/isolate
    characters are removed. Lone surrogates (the undecodable bytes of a file name)
    become U+FFFD, which every UTF-8 output can carry. Everything else, non-ASCII
    letters included, is kept.

    >>> clean_terminal("\\x1b[31mred\\x1b[0m \\x1b]8;;http://e\\x07x\\x1b]8;;\\x07 a\\r\\nb\\x00")
    'red x a b'
    >>> clean_terminal("Zürich\\u202e"), clean_terminal("caf\\udce9.txt")
    ('Zürich', 'caf\ufffd.txt')
    """
    text = _LINE_BREAKS.sub(" ", text)
    text = _ESCAPE_SEQUENCES.sub("", text)
    text = _SURROGATES.sub("\ufffd", text)
    return _CONTROLS.sub("", text)


def plural(count: int, word: str, many: str | None = None) -> str:
    """A count with its noun, singular for one.

    >>> plural(1, "conflict"), plural(0, "conflict"), plural(2, "copy", "copies")
    ('1 conflict', '0 conflicts', '2 copies')
    """
    return f"{count} {word if count == 1 else many or word + 's'}"


def number(x: float | None) -> int | float | None:
    """A JSON number: int when integral, None for None, infinities and NaN.

    >>> number(9.0), number(12.5), number(float("inf"))
    (9, 12.5, None)
    """
    if x is None or not math.isfinite(x):
        return None
    return int(x) if float(x).is_integer() else x


def format_number(x: float) -> str:
    """A figure for people: thousands separators, no trailing zeros.

    >>> format_number(2050000.0), format_number(12.5), format_number(9)
    ('2,050,000', '12.5', '9')
    """
    if not math.isfinite(x):
        return str(x)
    return format(x, ",.12g")


def amount_label(amount: Amount) -> str:
    """An amount in words: "9", "about 100", "more than 20 kg", "20–30 percent".

    >>> amount_label(Amount(100, low=100, low_open=True))
    'more than 100'
    >>> amount_label(Amount(12.5, unit="kg", dimension="mass", approx=True))
    'about 12.5 kg'
    """
    low, high = amount.low, amount.high
    if low is not None and high is not None and low != high:
        core = f"{format_number(low)}–{format_number(high)}"
    elif low is not None and high is None:
        core = ("more than " if amount.low_open else "at least ") + format_number(low)
    elif high is not None and low is None:
        core = ("less than " if amount.high_open else "at most ") + format_number(high)
    else:
        core = format_number(amount.amount)
    if amount.approx:
        core = "about " + core
    return f"{core} {amount.unit}" if amount.unit else core


def value_label(value: Value) -> str:
    """The value of a claim in words, for tables and Markdown.

    >>> value_label(Penalty("prison", 5.0)), value_label(DateValue("2017-08", "month"))
    ('5 years in prison', '2017-08')
    """
    if isinstance(value, Amount):
        return amount_label(value)
    if isinstance(value, DateValue):
        return value.label
    return str(value)


def value_to_json(value: Value) -> Any:
    """The JSON form of a claim value (see ``factcheck.render.json``).

    >>> value_to_json(Amount(9.0))
    9
    >>> value_to_json(Penalty("life"))
    {'type': 'life', 'years': None, 'amount': None, 'label': 'life'}
    """
    if isinstance(value, Amount):
        if value.dimension == "count" and value.exact:
            return number(value.amount)
        base_low, base_high = value.base_interval()
        return {
            "amount": number(value.amount),
            "unit": value.unit,
            "dimension": value.dimension,
            "low": number(value.low),
            "high": number(value.high),
            "low_open": value.low_open,
            "high_open": value.high_open,
            "approx": value.approx,
            "base": {
                "unit": value.base_unit or value.unit,
                "low": number(base_low),
                "high": number(base_high),
            },
        }
    if isinstance(value, DateValue):
        return value.label
    if isinstance(value, Penalty):
        years = number(value.years)
        return {"type": value.type, "years": years, "amount": years, "label": str(value)}
    if isinstance(value, Outcome):
        return {"person": value.person, "outcome": value.fate.value, "label": str(value)}
    return str(value)


def quote_parts(claim: Claim) -> tuple[str, str, str]:
    """The claim's sentence split around the claim: (before, claim text, after).

    Uses the offsets when they agree with the sentence, else the first
    occurrence of the text; when the text is not in the sentence at all,
    ``before`` is the whole sentence followed by a space.
    """
    sentence, text = claim.sentence, claim.text
    at = claim.start - claim.sentence_start
    if not (0 <= at <= len(sentence) and sentence[at : at + len(text)] == text):
        at = sentence.find(text) if text else -1
    if at < 0:
        return (f"{sentence} " if sentence else "", text, "")
    return sentence[:at], text, sentence[at + len(text) :]


_URL_SAFE = "/:?#&=+;,@!$*%"


def web_link(url: str | None) -> tuple[str, str] | None:
    """``(href, host)`` for an http(s) URL with a host, quoted so that it holds no space,
    quote or bracket; None for any other scheme or an unreadable URL.

    >>> web_link("https://example.com/a (b)"), web_link("javascript:alert(1)")
    (('https://example.com/a%20%28b%29', 'example.com'), None)
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    return quote(url.strip(), safe=_URL_SAFE), host


def articles_by_id(
    report: Report, *, cwd: str | os.PathLike[str] | None = None
) -> dict[str, Article]:
    """Map article ids to articles; with ``cwd``, each with its path as :func:`shown_paths`
    shows it."""
    if cwd is None:
        return {a.id: a for a in report.articles}
    shown = shown_paths([a.path for a in report.articles], cwd=cwd)
    return {a.id: replace(a, path=shown[a.path]) for a in report.articles}


def check_articles(
    check: ArticleCheck, *, cwd: str | os.PathLike[str] | None = None
) -> dict[str, Article]:
    """The articles of a claim check by id: the compared ones, the checked one and those
    it was checked against; paths as :func:`articles_by_id` shows them."""
    report = check.report
    extra = tuple(
        a for a in (check.article, *check.against) if a.id not in {r.id for r in report.articles}
    )
    return articles_by_id(replace(report, articles=report.articles + extra), cwd=cwd)


def shown_paths(paths: Iterable[str], *, cwd: str | os.PathLike[str]) -> dict[str, str]:
    """How reports show files: relative to ``cwd`` when inside it, else by the shortest
    tail (the file name, unless two files share it) that tells them apart.

    Pure: nothing is read from the file system.

    >>> shown = shown_paths(["/home/me/news/a.txt", "data/b.txt", "/tmp/x/b.txt"], cwd="/home/me")
    >>> [shown[p] for p in ("/home/me/news/a.txt", "data/b.txt", "/tmp/x/b.txt")]
    ['news/a.txt', 'data/b.txt', 'x/b.txt']
    >>> shown_paths(["https://example.org/a.html"], cwd="/")["https://example.org/a.html"]
    'https://example.org/a.html'
    """
    base = os.path.abspath(cwd)
    links = {p: p for p in dict.fromkeys(paths) if "://" in p}  # a link is shown whole
    given = [p for p in dict.fromkeys(paths) if p not in links]
    full = {p: os.path.normpath(os.path.join(base, p)) for p in given}
    shown = {p: os.path.relpath(f, base) for p, f in full.items() if _inside(f, base)}
    parts = {p: f.split(os.sep) for p, f in full.items()}
    depth = 1
    while len(shown) < len(given):
        tails = [os.sep.join(split[-depth:]) for split in parts.values()]
        for path, split in parts.items():
            tail = os.sep.join(split[-depth:])
            if path not in shown and (tails.count(tail) == 1 or depth >= len(split)):
                shown[path] = tail
        depth += 1
    return {**shown, **links}


def _inside(path: str, folder: str) -> bool:
    return path.startswith(folder.rstrip(os.sep) + os.sep)


def outlet_labels(ids: Iterable[str], articles: dict[str, Article]) -> list[str]:
    """Report labels (outlet, else id) for article ids, without repeats, in order."""
    labels: list[str] = []
    for article_id in ids:
        art = articles.get(article_id)
        label = art.label if art else article_id
        if label not in labels:
            labels.append(label)
    return labels


def provenance(claim: Claim, articles: dict[str, Article]) -> str:
    """``path:start-end`` of a claim (``feed.jsonl:LINE:start-end`` for a feed item)."""
    art = articles.get(claim.article)
    where = (art.source or art.path) if art else claim.article
    return f"{where}:{claim.start}-{claim.end}"
