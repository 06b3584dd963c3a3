"""Date claims: the dates and times of day a sentence states, with the event each dates.

The phrases are spaCy's DATE and TIME entities and the clock times the model may
miss ("at 3:40pm"), a date and a time of day side by side read as one ("Tuesday
afternoon", "6 a.m. Friday"); :func:`~factcheck.extract.calendar.read_date` reads
each against the publication date, :func:`~factcheck.extract.dated.dated_event` says
what it dates. A dateline ("LISBON, May 3 (AP) -") or a publication stamp
("Updated at 6:12 p.m. ET") dates the article, not anything in it: no claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span

from ..models import Article, Claim, ClaimKind, Subject
from .calendar import (
    APPROX_WORDS,
    CLOCK,
    FUTURE,
    MONTHS,
    NAMED_TIMES,
    PARTS_OF_DAY,
    PAST,
    PRESENT,
    ZONES,
    _published,
    read_date,
)
from .dated import dated_event
from .records import _context, _make, doc_text
from .syntax import _ents_in, _governing_verb

JOIN = re.compile(r"\s*(?:,|at|on|of|in the)?\s*", re.IGNORECASE)
"""What may stand between a date and a time of day read as one ("3:40pm on Friday")."""

JOIN_WORDS = frozenset("at on of in the , early late mid".split())
TIME_MODIFIERS = frozenset("early late mid".split()) | APPROX_WORDS
"""Words before a time of day that belong to it ("early morning", "late afternoon")."""

DATELINE_BEFORE = re.compile(r"[A-Z][^\n,.;:!?()]{0,40},\s*")
"""A dateline's place before its date, at the start of a line ("LISBON, ")."""
DATELINE_AFTER = re.compile(r"\.?\s*(?:[(/:–—-]|$)")
"""What follows a dateline's date: the agency, a slash, a colon or a dash ("(AP)")."""
STAMP = re.compile(
    r"\s*(?:last\s+)?(?:updated?|published|posted|first\s+published|modified)\b[\s:]*"
    r"(?:at|on)?\s*",
    re.IGNORECASE,
)
"""A publication stamp's opening words ("Updated at", "Published on")."""

FUTURE_AUX = frozenset({"will", "'ll", "’ll", "shall", "wo"})
FUTURE_HEADS = frozenset({"expect", "schedule", "due", "set", "plan"})
REPORTING = frozenset("say tell report announce state add claim confirm note explain".split())


def _date_claims(article: Article, doc: Doc, sent: Span) -> Iterator[Claim]:
    pub = _published(article)
    title = article.title_span
    in_title = title is not None and sent.start_char < title.end and title.start < sent.end_char
    for phrase in _phrases(doc, sent):
        if _is_stamp(article.text, phrase.start_char, phrase.end_char):
            continue
        before = {doc[i].lower_ for i in range(max(sent.start, phrase.start - 2), phrase.start)}
        value = read_date(phrase.text, pub, tense=_tense(phrase, headline=in_title))
        if value is None:
            continue
        if value.time is not None and not value.approx and before & APPROX_WORDS:
            value = replace(value, approx=True)
        after = doc[phrase.end].lower_ if phrase.end < sent.end else ""
        if value.time is not None and ":" in value.time and value.zone is None \
                and after in ZONES:
            value = replace(value, zone=after.upper())  # "19:15 GMT"
        dated = dated_event(phrase)
        qualifiers = tuple(f"{k}:{v}" for k, v in (("who", dated.who), ("what", dated.what),
                                                   ("when", "planned" if dated.planned else None))
                           if v)
        subject = Subject(
            action=dated.event,
            qualifiers=qualifiers,
            context=_context(doc, sent, phrase.root),
        )
        day, clock = _split(phrase) if value.time is not None and value.iso else (None, None)
        if day is not None and clock is not None:
            # "Thursday afternoon": the day is one claim, the time of day (which carries the
            # day, to be compared) another; a report may be right on one and not the other
            on_day = replace(value, time=None, approx=False, zone=None)
            parts = [(day, on_day), (clock, value)]
        else:
            parts = [(phrase, value)]
        for span, stated in parts:
            start, end = span.start_char, span.end_char
            text = article.text[start:end]
            start += len(text) - len(text.lstrip("("))
            end -= len(text) - len(text.rstrip(")"))
            if start < end:
                yield _make(article, ClaimKind.DATE, start, end, sent, stated, subject)


def _split(phrase: Span) -> tuple[Span | None, Span | None]:
    """A phrase's day and its time of day as two spans ("Thursday" and "afternoon" of
    "Thursday afternoon"), or (None, None) when they are not two runs of words."""
    doc = phrase.doc
    clocks = [(phrase.start_char + m.start(), phrase.start_char + m.end())
              for m in CLOCK.finditer(phrase.text)]
    timed = [t.i for t in phrase if t.lower_ in PARTS_OF_DAY or t.lower_ in NAMED_TIMES
             or any(s <= t.idx < e for s, e in clocks)]
    if not timed:
        return None, None
    lo, hi = min(timed), max(timed) + 1
    while lo > phrase.start and doc[lo - 1].lower_ in TIME_MODIFIERS:
        lo -= 1
    rest = [t.i for t in phrase if not lo <= t.i < hi and not t.is_punct
            and t.lower_ not in JOIN_WORDS]
    if not rest or max(rest) - min(rest) + 1 != len(rest):
        return None, None
    return doc[min(rest) : max(rest) + 1], doc[lo:hi]


def _phrases(doc: Doc, sent: Span) -> list[Span]:
    """The date and time phrases of a sentence, a date and its time of day joined."""
    found = [_with_day(_without_count(e)) for e in _ents_in(sent)
             if e.label_ in ("DATE", "TIME")]
    found = [e for e in found if len(e)]
    taken = {i for e in found for i in range(e.start, e.end)}
    for match in CLOCK.finditer(sent.text):
        span = doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(),
                             alignment_mode="expand")
        if span is not None and not any(i in taken for i in range(span.start, span.end)):
            found.append(span)
            taken.update(range(span.start, span.end))
    found.sort(key=lambda s: s.start)
    joined: list[Span] = []
    for span in found:
        if joined and JOIN.fullmatch(doc_text(doc)[joined[-1].end_char : span.start_char]) and (
                {_reads_as(joined[-1]), _reads_as(span)} == {"time", "date"}):
            joined[-1] = doc[joined[-1].start : span.end]
        else:
            joined.append(span)
    return joined


def _with_day(span: Span) -> Span:
    """A month the model tagged without the day before it ("the small hours of 14 March"
    read as a time and "March"): the day is the date's."""
    doc = span.doc
    if len(span) == 1 and span[0].lower_.rstrip(".") in MONTHS and span.start > 0:
        day = doc[span.start - 1]
        if day.is_digit and 1 <= int(day.text) <= 31 and not day.ent_type_:
            return doc[span.start - 1 : span.end]
    return span


def _without_count(span: Span) -> Span:
    """A date phrase without a figure at its end that counts a noun after it: "said
    Friday 17 people had died" dates nothing on the 17th."""
    doc, end = span.doc, span.end
    after = doc[end] if end < len(doc) else None
    if end - span.start > 1 and doc[end - 1].like_num and after is not None \
            and after.tag_ in ("NNS", "NN") and after.pos_ == "NOUN" \
            and doc[end - 2].lower_.rstrip(".") not in MONTHS:  # "the Nov. 9 floods"
        return doc[span.start : end - 1]  # the parse may hang "31" on the weekday
    return span


def _reads_as(span: Span) -> str | None:
    """ "time" for a time of day alone ("9 a.m.", "afternoon"), "date" for a date
    ("Monday"), None for neither ("four hours")."""
    value = read_date(span.text, None)
    if value is None:
        return None
    return "time" if value.precision == "time" else "date"


def _is_stamp(text: str, start: int, end: int) -> bool:
    """True when a date is the article's own dateline or a publication stamp."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start:start], text[end:line_end]
    if STAMP.fullmatch(before):
        return True
    return bool(DATELINE_BEFORE.fullmatch(before) and DATELINE_AFTER.match(after))


def _tense(span: Span, *, headline: bool = False) -> str:
    """Whether the clause of a date speaks of the past, of what is still to come ("will vote
    on Sunday", "is expected to rule in March"), or in the present ("the law takes effect on
    Saturday"); in a headline the present tells the past."""
    verb = _governing_verb(span.root)
    for _ in range(3):
        if verb is None:
            return PAST
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
            return FUTURE
        if (
            not headline
            and verb.tag_ in ("VBZ", "VBP")
            and verb.lemma_ not in REPORTING
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        ):
            return PRESENT
        if verb.dep_ != "xcomp":
            return PAST
        verb = verb.head
        if verb.lemma_.lower() in FUTURE_HEADS:
            return FUTURE
    return PAST
