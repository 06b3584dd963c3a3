"""Dates, read against the publication date when the text gives only part of one."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from spacy.tokens import Doc, Span

from .. import lexicon
from ..models import (
    Article,
    Claim,
    ClaimKind,
    DateValue,
    Subject,
)
from .calendar import MONTHS, _published
from .records import _context, _make
from .syntax import _ents_in, _governing_verb

DURATION_WORDS = frozenset(
    """
    day days week weeks month months year years decade decades hours
    """.split()
)


def _date_claims(article: Article, doc: Doc, sent: Span) -> Iterator[Claim]:
    pub = _published(article)
    title = article.title_span
    in_title = title is not None and sent.start_char < title.end and title.start < sent.end_char
    for ent in _ents_in(sent):
        if ent.label_ != "DATE":
            continue
        value = _date_value(ent, pub, headline=in_title)
        if value is None:
            continue
        start, end = ent.start_char, ent.end_char
        text = article.text[start:end]
        stripped = text.lstrip("(").rstrip(")")
        start += len(text) - len(text.lstrip("("))
        end -= len(text) - len(text.rstrip(")"))
        if not stripped:
            continue
        verb = _governing_verb(ent.root)
        words = [verb.lemma_.lower()] if verb is not None else []
        if verb is not None:
            words += [
                c.lemma_.lower()
                for c in verb.children
                if c.dep_ in ("dobj", "nsubj", "nsubjpass", "acomp")
            ]
        subject = Subject(
            action=lexicon.event_class(words)
            or (verb.lemma_.lower() if verb is not None else None),
            context=_context(doc, sent, ent.root),
        )
        yield _make(article, ClaimKind.DATE, start, end, sent, value, subject)


RELATIVE_SHIFT = {"last": -1, "previous": -1, "this": 0, "next": 1}
"""Words that place "last year", "this month", "next year" against the publication date."""
YEAR_SPAN = re.compile(r"\b(?:18|19|20)\d\d\s*[-–/]\s*(?:\d\d|(?:18|19|20)\d\d)\b")
FUTURE_AUX = frozenset({"will", "'ll", "’ll", "shall", "wo"})
FUTURE_HEADS = frozenset({"expect", "schedule", "due", "set", "plan"})
REPORTING = frozenset("say tell report announce state add claim confirm note explain".split())


def _date_value(ent: Span, pub: date | None, *, headline: bool = False) -> DateValue | None:
    words = [t.lower_.rstrip(".") for t in ent]
    future = _future(ent, headline=headline)
    relative = _relative_period(words, pub)
    if relative is not None:
        return relative
    if any(w in DURATION_WORDS for w in words) and not any(w in MONTHS for w in words):
        return None
    if YEAR_SPAN.search(ent.text):
        return None  # "the 2018-19 season", "2015-2018": no one year
    year = next(
        (
            int(t.text)
            for t in ent
            if t.text.isdigit() and len(t.text) == 4 and 1800 <= int(t.text) <= 2100
        ),
        None,
    )
    month = next((MONTHS[w] for w in words if w in MONTHS), None)
    day = next(
        (
            int(t.text)
            for t in ent
            if t.text.isdigit() and 1 <= int(t.text) <= 31 and len(t.text) <= 2
        ),
        None,
    )
    weekday = next((w for w in words if w in lexicon.WEEKDAYS), None)
    if month == 5 and "may" in words and year is None and day is None:
        return None  # the modal verb, most likely
    if year and month and day:
        return _safe_date(year, month, day, "day", relative=False)
    if month and day:
        if pub is None:
            return DateValue(iso=f"--{month:02d}-{day:02d}", precision="day", relative=True)
        return _guess_day(month, day, weekday, pub, future=future)
    if year and month:
        return DateValue(iso=f"{year:04d}-{month:02d}", precision="month")
    if year and not weekday:
        if any(w.endswith("s") and w[:-1].isdigit() for w in words):
            return None  # "the 1990s"
        return DateValue(iso=f"{year:04d}", precision="year")
    if month:
        if pub is None:
            return None
        if future:
            guess_year = pub.year if month >= pub.month else pub.year + 1
        else:
            guess_year = pub.year if month <= pub.month else pub.year - 1
        return DateValue(iso=f"{guess_year:04d}-{month:02d}", precision="month", relative=True)
    if weekday:
        if pub is None:
            return DateValue(iso=weekday.capitalize(), precision="weekday", relative=True)
        back = (pub.weekday() - lexicon.WEEKDAYS.index(weekday)) % 7
        resolved = pub - timedelta(days=back)
        if future:
            resolved = pub + timedelta(days=(7 - back) % 7)
        return DateValue(iso=resolved.isoformat(), precision="weekday", relative=True)
    return None


def _relative_period(words: list[str], pub: date | None) -> DateValue | None:
    """ "last year", "this month", "earlier this year", "next month" against the
    publication date; None for anything else ("the past year" is a duration)."""
    if (
        pub is None
        or len(words) < 2
        or words[-1] not in ("year", "month")
        or words[-2] not in RELATIVE_SHIFT
        or any(w.isdigit() for w in words)
    ):
        return None
    if any(w not in ("earlier", "later", "early", "late", "in") for w in words[:-2]):
        return None
    shift = RELATIVE_SHIFT[words[-2]]
    if words[-1] == "year":
        return DateValue(iso=f"{pub.year + shift:04d}", precision="year", relative=True)
    index = pub.year * 12 + pub.month - 1 + shift
    return DateValue(
        iso=f"{index // 12:04d}-{index % 12 + 1:02d}", precision="month", relative=True
    )


def _guess_day(
    month: int, day: int, weekday: str | None, pub: date, *, future: bool
) -> DateValue | None:
    """The year of "March 16" (or "Monday, March 16"): the one its weekday fits, else the
    last such day up to publication, or the next one for an event still to come."""
    candidates = []
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if weekday is not None:
        fitting = [d for d in candidates if d.weekday() == lexicon.WEEKDAYS.index(weekday)]
        if fitting:
            best = min(fitting, key=lambda d: abs((d - pub).days))
            return DateValue(iso=best.isoformat(), precision="day", relative=True)
    past = [d for d in candidates if d <= pub]
    coming = [d for d in candidates if d >= pub]
    pick = min(coming) if future and coming else max(past) if past else None
    if pick is None:
        return None
    return DateValue(iso=pick.isoformat(), precision="day", relative=True)


def _future(ent: Span, *, headline: bool = False) -> bool:
    """True when the clause of a date speaks of what is still to come ("will vote on
    Sunday", "is expected to rule in March", and in the body, where news is told in the
    past, a present tense: "the law takes effect on Saturday")."""
    verb = _governing_verb(ent.root)
    for _ in range(3):
        if verb is None:
            return False
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
            return True
        if (
            not headline
            and verb.tag_ in ("VBZ", "VBP")
            and verb.lemma_ not in REPORTING
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        ):
            return True
        if verb.dep_ != "xcomp":
            return False
        verb = verb.head
        if verb.lemma_.lower() in FUTURE_HEADS:
            return True
    return False


def _safe_date(
    year: int, month: int, day: int, precision: str, *, relative: bool
) -> DateValue | None:
    try:
        return DateValue(
            iso=date(year, month, day).isoformat(), precision=precision, relative=relative
        )
    except ValueError:
        return None


