"""Dates: whether two can both be true, and which date claims speak of one event.

Two dates agree when the days they allow overlap ("2017" holds "2017-08-03"; "last
week" holds "Tuesday") and, when both give a time of day in one clock, the times
do too ("around 9.20pm" holds "21:15"; "afternoon" is not "evening"). Date claims
group by the event they date (see :mod:`factcheck.extract.dated`), never across
events, and are kept apart only for a reason the text states: another subject or
object of the event, or dates too far apart to be one event told two ways.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta

from .. import lexicon, wordforms
from ..extract.calendar import PART_HOURS, PENDING, read_date
from ..extract.dated import INCIDENT
from ..models import Claim, DateValue
from . import linkage

APPROX_MINUTES = 15
"""How far an approximate clock time ("around 7.40 a.m.") may be from the time it names."""

MAX_SLIP_DAYS = 550
"""Dates of one event kind further apart than this are two events (an earlier disaster, a
precedent the story recalls): outlets that disagree on one event's date slip by a day, a
weekday, a month or a year, not by decades."""

LINK_SCORE = 100.0
"""The score of two dates of one event: they link unless held apart."""


def dates_agree(a: DateValue, b: DateValue) -> bool:
    """True when both dates can be true of one event.

    >>> dates_agree(DateValue("2017", "year"), DateValue("2017-08-03", "day"))
    True
    >>> dates_agree(DateValue("2019-07-04", "day"), DateValue("--07-04", "day"))
    True
    >>> dates_agree(DateValue("Sunday", "weekday"), DateValue("2021-07-05", "day"))
    False
    >>> dates_agree(DateValue("", "time", time="21:15"),
    ...             DateValue("2019-05-07", "day", time="21:00", approx=True))
    True
    >>> dates_agree(DateValue("Thursday", "weekday", time="afternoon"),
    ...             DateValue("Thursday", "weekday", time="evening"))
    False
    """
    if not _days_agree(a, b):
        return False
    if a.time is None or b.time is None or a.zone != b.zone:
        return True  # no time to compare, or two clocks: nothing to deny
    if (a.time in PART_HOURS or b.time in PART_HOURS) and not (a.iso and b.iso):
        return True  # "in the afternoon" against "Sunday night": maybe another moment
    return _times_agree(a, b)


def _days_agree(a: DateValue, b: DateValue) -> bool:
    if not a.iso or not b.iso:
        return True
    if "weekday" in (a.precision, b.precision):
        wa, wb = _weekdays(a), _weekdays(b)
        return not wa or not wb or bool(wa & wb)
    if a.iso.startswith("--") or b.iso.startswith("--"):
        return _month_days_agree(a, b)
    sa, sb = span_of(a), span_of(b)
    if sa is None or sb is None:
        return True
    slack = timedelta(days=1 if a.stamped or b.stamped else 0)
    return sa[0] - slack <= sb[1] and sb[0] - slack <= sa[1]


def _month_days_agree(a: DateValue, b: DateValue) -> bool:
    """A day without its year ("--07-04") against another date: its month and day."""
    if b.iso.startswith("--"):
        a, b = b, a
    month, day = int(a.iso[2:4]), int(a.iso[5:7])
    if b.iso.startswith("--"):
        return (month, day) == (int(b.iso[2:4]), int(b.iso[5:7]))
    span = span_of(b)
    if span is None or (span[1] - span[0]).days >= 365:
        return True
    days = (span[0] + timedelta(days=k) for k in range((span[1] - span[0]).days + 1))
    return any((d.month, d.day) == (month, day) for d in days)


def span_of(value: DateValue) -> tuple[date, date] | None:
    """The first and last day a date allows; None when it has no calendar date.

    >>> span_of(DateValue("2020-W10", "week"))
    (datetime.date(2020, 3, 2), datetime.date(2020, 3, 8))
    """
    iso = value.iso
    try:
        if len(iso) == 4 and iso.isdigit():
            return date(int(iso), 1, 1), date(int(iso), 12, 31)
        if len(iso) == 7 and iso[4] == "-":
            first = date(int(iso[:4]), int(iso[5:7]), 1)
            last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
            return first, last
        if len(iso) == 8 and iso[5] == "W":
            first = date.fromisocalendar(int(iso[:4]), int(iso[6:8]), 1)
            return first, first + timedelta(days=6)
        if len(iso) == 10 and iso[4] == "-":
            day = date.fromisoformat(iso)
            return day, day
    except ValueError:
        return None
    return None


def _weekdays(value: DateValue) -> set[str]:
    """The weekdays a date may fall on (a stamped day: it and the days either side)."""
    if len(value.iso) == 10 and value.iso[:1].isdigit():
        day = date.fromisoformat(value.iso).weekday()
        near = (-1, 0, 1) if value.stamped else (0,)
        return {lexicon.WEEKDAYS[(day + k) % 7] for k in near}
    return {value.iso.lower()} if value.iso.lower() in lexicon.WEEKDAYS else set()


def _times_agree(a: DateValue, b: DateValue) -> bool:
    (lo_a, hi_a), (lo_b, hi_b) = _minutes(a), _minutes(b)
    day = 24 * 60
    return any(lo_a <= hi_b + shift and lo_b + shift <= hi_a for shift in (-day, 0, day))


def _minutes(value: DateValue) -> tuple[int, int]:
    """The minutes of the day a time allows (a part of the day its hours; night runs past
    midnight)."""
    assert value.time is not None
    if value.time in PART_HOURS:
        first, last = PART_HOURS[value.time]
        return first * 60, last * 60 - 1  # the hours touch, they do not overlap
    hours, minutes = value.time.split(":")
    at = int(hours) * 60 + int(minutes)
    slack = APPROX_MINUTES if value.approx else 0
    return at - slack, at + slack


def too_far_apart(a: DateValue, b: DateValue) -> bool:
    """True when two dates lie further apart than one event's dates are told."""
    sa, sb = span_of(a), span_of(b)
    if sa is None or sb is None:
        return False
    gap = max((sb[0] - sa[1]).days, (sa[0] - sb[1]).days)
    return gap > MAX_SLIP_DAYS


def date_label(claims: list[Claim]) -> str:
    """What a group of dates answers: "date of the incident", "date declared", "time".

    >>> from factcheck.models import ClaimKind, Subject
    >>> def c(action, time=None):
    ...     return Claim("x", "a", ClaimKind.DATE, "Sunday", 0, 6, "", 0,
    ...                  DateValue("Sunday", "weekday", time=time), Subject(action=action))
    >>> date_label([c("incident")]), date_label([c("declare")]), date_label([c("killed", "09:00")])
    ('date of the incident', 'date declared', 'time killed')
    >>> date_label([c("hearing")])
    'date of the hearing'
    """
    timed = all(isinstance(c.value, DateValue) and c.value.time for c in claims)
    word = "time" if timed else "date"
    event = claims[0].subject.action
    if not event:
        return word
    if event == INCIDENT:
        return f"{word} of the incident"
    if event in lexicon.EVENT_CLASSES:
        return f"{word} {event}"
    if event in lexicon.OCCASION_NOUNS:
        return f"{word} of the {event}"  # "date of the conference"
    return f"{word} {wordforms.participle(event)}"


def dates_apart(a: Claim, b: Claim) -> bool:
    """Two date claims of one event kind that date different events: another named subject
    or object ("Ms Lenz" declared the winner, a state of emergency declared), a plan against
    what was done ("will sign on Tuesday", "signed on Monday"), or too far apart."""
    qa, qb = dict(_pairs(a)), dict(_pairs(b))
    if any(qa[k] != qb[k] for k in qa.keys() & qb.keys()) or ("when" in qa) != ("when" in qb):
        return True  # another subject or object; or a plan against what was done
    va, vb = a.value, b.value
    return isinstance(va, DateValue) and isinstance(vb, DateValue) and too_far_apart(va, vb)


def _pairs(claim: Claim) -> list[tuple[str, str]]:
    return [tuple(q.split(":", 1)) for q in claim.subject.qualifiers if ":" in q]


def is_history(value: DateValue, story: date | None) -> bool:
    """True for a date well before the story's own days (see :data:`MAX_SLIP_DAYS`)."""
    span = span_of(value)
    return story is not None and span is not None and (story - span[1]).days > MAX_SLIP_DAYS


def history_apart(a: Claim, b: Claim, story: date | None) -> bool:
    """Two dates of the story's past ("in 1998, 60 died when a bus fell into a gorge"; "in
    2005, 90 died") of an event like the story's own (an incident, what happened to people) are one
    event only when they name one subject or object: news recalls earlier disasters of the
    kind as precedents, and a year alone does not say which. A past date of anything else
    (a dam completed in 2015) is a fact about the story's people and things."""
    if a.subject.action != INCIDENT and a.subject.action not in lexicon.PERSON_EVENTS:
        return False
    va, vb = a.value, b.value
    if not (isinstance(va, DateValue) and isinstance(vb, DateValue)):
        return False
    if not (is_history(va, story) and is_history(vb, story)):
        return False
    qa, qb = set(a.subject.qualifiers), set(b.subject.qualifiers)
    return not (qa & qb)


def story_day(published: dict[str, str | None]) -> date | None:
    """The story's day: the middle one of the articles' publication dates.

    >>> story_day({"a": "2019-06-09", "b": "2019-06-10T08:00:00", "c": None, "d": "2019"})
    datetime.date(2019, 6, 10)
    """
    days = sorted(p[:10] for p in published.values() if p and len(p) >= 10)
    try:
        return date.fromisoformat(days[len(days) // 2]) if days else None
    except ValueError:
        return None


def date_groups(claims: list[Claim], cluster, eject, *,
                story: date | None = None) -> list[list[Claim]]:
    """Date claims grouped by the event they date; a claim that dates no event stands alone.

    ``cluster(claims, rules)`` is the comparator's constrained single-link clustering and
    ``eject(group)`` takes out what one article dates two ways (kept, ejected); ``story``
    is the story's day (:func:`story_day`), before which dates are its history."""
    out: list[list[Claim]] = []
    by_event: dict[bool, list[Claim]] = defaultdict(list)
    for claim in (_resolved(c, story) for c in claims):
        if claim.subject.action:
            # days and times of day group apart: "Thursday" agrees across reports that give
            # it "afternoon" and "evening"
            timed = isinstance(claim.value, DateValue) and claim.value.time is not None
            by_event[timed].append(claim)
        else:
            out.append([claim])
    for members in by_event.values():
        for group in cluster(members, _rules(story)):
            kept, ejected = eject(group)
            out.append(kept)
            out.extend([m] for m in ejected)
    return out


def _resolved(claim: Claim, story: date | None) -> Claim:
    """A relative year of an undated article ("last year") read against the story's day:
    an article without a date is taken to be of the year the others are."""
    value = claim.value
    if story is None or not isinstance(value, DateValue) or value.precision != PENDING:
        return claim
    found = read_date(claim.text, story)
    if found is None or found.precision != "year":
        return claim  # a day or a month read against another article's date may be off
    return replace(claim, value=replace(found, time=value.time, approx=value.approx,
                                        zone=value.zone, stamped=True))


def _rules(story: date | None) -> linkage.Rules:
    """Dates of one event link unless held apart; the rules read only a claim's event,
    qualifiers and value, its key."""

    def key(claim: Claim) -> tuple:
        return (claim.subject.action, claim.subject.qualifiers, claim.value)

    def apart(a, b) -> bool:
        return other_action(a, b) or dates_apart(a, b) or history_apart(a, b, story)

    def bonus(a, b) -> float | None:
        return LINK_SCORE if a.subject.action == b.subject.action else None

    def keys_apart(ka: tuple, kb: tuple) -> bool:
        return apart(_Keyed(*ka), _Keyed(*kb))

    return linkage.Rules(
        key=key,
        apart=apart,
        keys_apart=keys_apart,
        may_link=lambda a, b: True,
        bonus=bonus,
        keys_bonus=lambda ka, kb: bonus(_Keyed(*ka), _Keyed(*kb)),
    )


def other_action(a, b) -> bool:
    """Dates of two events the text names apart: two known event classes ("killed",
    "arrested"), or the incident against anything else. Two verbs the lexicon does not
    know date one event when they say it of one thing ("the meeting was suspended", "the
    meeting was cancelled")."""
    ea, eb = a.subject.action, b.subject.action
    if ea == eb:
        return False
    if INCIDENT in (ea, eb) or lexicon.known_event(ea) or lexicon.known_event(eb):
        return True
    return not set(a.subject.qualifiers) & set(b.subject.qualifiers)


class _Keyed:
    """A date claim as its key shows it."""

    __slots__ = ("subject", "value")

    def __init__(self, action: str, qualifiers: tuple[str, ...], value: DateValue) -> None:
        self.subject = _Qualified(action, qualifiers)
        self.value = value


class _Qualified:
    __slots__ = ("action", "qualifiers")

    def __init__(self, action: str, qualifiers: tuple[str, ...]) -> None:
        self.action, self.qualifiers = action, qualifiers

