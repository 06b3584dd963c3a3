"""A date or time phrase read against the article's publication date.

:func:`read_date` takes the words of one phrase ("Oct 2 last year", "yesterday",
"earlier this month", "Tuesday afternoon", "around 9.20pm") and the publication
date, and gives a :class:`~factcheck.models.DateValue` at the precision the words
give, or None when they name no date (a duration, a decade, "the day before").
News English places the past by the weekday ("on Sunday" is the Sunday before),
the future by tense ("will vote on Sunday"), and nearly everything else relative
to the day it is published; the reader does the same, and is pure: no parse.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..models import Article, DateValue

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

PENDING = "pending"
"""The precision of a relative date ("last year", "yesterday") in an article that states
no publication date: the comparator reads it again against the story's days."""

PAST, PRESENT, FUTURE = "past", "present", "future"
"""The tense of the clause a phrase dates: a bare weekday is the one before publication in
the past, the one after in the future, and the nearer one in the present ("the law takes
effect on Saturday", "at 8pm on Saturday the match kicks off")."""

DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
"""Days named against the publication day."""

PARTS_OF_DAY = {
    "morning": "morning", "dawn": "morning", "daybreak": "morning", "sunrise": "morning",
    "afternoon": "afternoon", "lunchtime": "afternoon",
    "evening": "evening", "dusk": "evening", "nightfall": "evening", "sunset": "evening",
    "night": "night", "tonight": "night", "overnight": "night",
}
"""Words for a part of the day, and the part they name."""

PART_HOURS = {"morning": (5, 12), "afternoon": (12, 18), "evening": (18, 24), "night": (20, 29)}
"""The hours each part of the day covers (night runs past midnight, to 5 the next day);
evening and night overlap, as "Thursday evening" and "Thursday night" often mean alike."""

NAMED_TIMES = {"noon": "12:00", "midday": "12:00", "midnight": "00:00"}

APPROX_WORDS = frozenset(
    "around about approximately roughly some circa nearly almost shortly just "
    "c ca approx".split()
)
"""Words that make a clock time approximate ("around 7.40 a.m.", "shortly after noon")."""

ZONES = frozenset(
    "gmt utc bst cet cest eet eest wet ist jst kst sgt aest aedt nzst nzdt "
    "et est edt ct cst cdt mt mst mdt pt pst pdt".split()
)
"""Time zone names a clock time may be stated in; "local time" is no zone."""

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

RELATIVE_SHIFT = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1, "coming": 1}
"""Words that place "last year", "this month", "next week" against the publication date."""

EDGE_WORDS = frozenset("earlier later early late in the of mid".split())
"""Words that narrow a relative period without moving it ("earlier this month")."""

UNITS = ("day", "week", "month", "year")

DURATION_WORDS = frozenset(
    "day days week weeks month months year years decade decades hour hours minute minutes "
    "second seconds".split()
)

ANAPHORIC = frozenset("before after following same that".split())
"""Words that date against another event, not the publication day ("the day before", "the
following week", "that day"): such a phrase names no date the reader can check."""

YEAR_SPAN = re.compile(r"\b(?:18|19|20)\d\d\s*[-–/]\s*(?:\d\d|(?:18|19|20)\d\d)\b")

CLOCK = re.compile(
    r"(?<![\d.:])(?P<h>[012]?\d)(?:[:.](?P<m>[0-5]\d))?\s*(?P<ampm>[ap])\.?\s?m\b\.?"
    r"|(?<![\d.:])(?P<h24>[01]?\d|2[0-3])[:h](?P<m24>[0-5]\d)(?![\d:])"
    r"|(?<![\d.:])(?P<hz>[01]?\d|2[0-3])[.](?P<mz>[0-5]\d)(?=\s*(?:[A-Z]{2,4}T|UTC|GMT)\b)",
    re.IGNORECASE,
)
"""A clock time: "6 a.m.", "7.40 a.m.", "9.20pm", "21:15", "14.10 GMT" (a dotted time
without am or pm is a time only before a zone: "7.40" alone may be a figure)."""

WORD = re.compile(r"[A-Za-z]+|\d+(?:st|nd|rd|th|s)?")


def _published(article: Article) -> date | None:
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


def read_date(text: str, pub: date | None, *, tense: str = PAST) -> DateValue | None:
    """The date (and time of day) a phrase names, read against the publication date.

    >>> from datetime import date
    >>> thu = date(2020, 3, 12)
    >>> read_date("Sunday", thu).iso, read_date("Sunday", thu, tense=FUTURE).iso
    ('2020-03-08', '2020-03-15')
    >>> read_date("Oct 2 last year", date(2019, 12, 10)).iso
    '2018-10-02'
    >>> read_date("earlier this month", thu).iso, read_date("last week", thu).iso
    ('2020-03', '2020-W10')
    >>> read_date("yesterday", thu).iso, read_date("last night", thu).label
    ('2020-03-11', 'night')
    >>> read_date("around 9.20pm", thu).label, read_date("the 1990s", thu)
    ('~21:20', None)
    """
    low = text.lower()
    if YEAR_SPAN.search(low):
        return None  # "the 2018-19 season", "2015-2018": no one year
    clock, approx, zone, rest = _clock(text)
    words = WORD.findall(rest.lower())
    part = next((PARTS_OF_DAY[w] for w in words if w in PARTS_OF_DAY), None)
    time = clock or part
    if time is not None and clock is None:
        approx = False  # "early Sunday morning" is no less a morning
    found = _day(words, pub, tense=tense, cased=WORD.findall(rest))
    if found is None:
        if _names_no_day(words) or time is None:
            return None
        return DateValue(iso="", precision="time", relative=True, time=time, approx=approx,
                         zone=zone)
    if time is None:
        return found
    if found.precision not in ("day", "weekday", PENDING):
        return found  # "one morning last week": the week is what can be checked
    return DateValue(iso=found.iso, precision=found.precision, relative=found.relative,
                     time=time, approx=approx, zone=zone, stamped=found.stamped)


def _clock(text: str) -> tuple[str | None, bool, str | None, str]:
    """The clock time of a phrase ("07:40"), whether approximate, its zone, and the phrase
    without it."""
    words = WORD.findall(text.lower())
    approx = any(w in APPROX_WORDS for w in words)
    zone = next((w.upper() for w in words if w in ZONES), None)
    match = CLOCK.search(text)
    if match is None:
        named = next((NAMED_TIMES[w] for w in words if w in NAMED_TIMES), None)
        return named, approx, None, text
    if match["h"] is not None:
        hour, minute = int(match["h"]), int(match["m"] or 0)
        if not 1 <= hour <= 12:
            return None, approx, None, text
        hour = hour % 12 + (12 if match["ampm"].lower() == "p" else 0)
    elif match["h24"] is not None:
        hour, minute = int(match["h24"]), int(match["m24"])
    else:
        hour, minute = int(match["hz"]), int(match["mz"])
    rest = text[: match.start()] + " " + text[match.end() :]
    return f"{hour:02d}:{minute:02d}", approx, zone, rest


def _names_no_day(words: list[str]) -> bool:
    """True for "the day before", "the following week", "that night": a date told against
    another event; not "shortly after midnight"."""
    anaphoric = any(w in ANAPHORIC for w in words) or (
        "the" in words and any(w in ("next", "previous") for w in words))  # "the next day"
    counted = any(w.rstrip("s") in UNITS or w in PARTS_OF_DAY for w in words)
    return anaphoric and counted and not any(w in MONTHS for w in words)


def _day(words: list[str], pub: date | None, *, tense: str,
         cased: list[str]) -> DateValue | None:
    """The date part of a phrase's words (``cased``: as written), at the precision they
    give."""
    if not words:
        return None
    if any(w.endswith("s") and w[:-1].isdigit() for w in words):
        return None  # "the 1990s"
    if _names_no_day(words):
        return None
    relative = _relative(words, pub, tense=tense)
    if relative is not None:
        return relative
    if any(w in DURATION_WORDS for w in words) and not any(
            w in MONTHS or w in WEEKDAYS for w in words):
        return None  # "four days", "the past year"; not "the early hours of Monday"
    return _calendar(words, pub, tense=tense, cased=cased)


def _relative(words: list[str], pub: date | None, *, tense: str) -> DateValue | None:
    """ "yesterday", "last night", "this morning", "three days ago", "last week", "earlier
    this month", "next year", "last Tuesday", "Oct 2 last year". None when the words are not
    relative; a value with an empty ``iso`` when they are but there is no publication date."""
    unknown = DateValue(iso="", precision=PENDING, relative=True)
    day_word = next((w for w in words if w in DAY_WORDS), None)
    if day_word is not None:
        if pub is None:
            return unknown
        return _on(pub + timedelta(days=DAY_WORDS[day_word]))
    if "last" in words and "night" in words and not any(w in WEEKDAYS for w in words):
        return _on(pub - timedelta(days=1)) if pub else unknown
    if "this" in words and any(w in PARTS_OF_DAY for w in words) and not any(
            w in WEEKDAYS for w in words):
        return _on(pub) if pub else unknown  # "this morning"
    if words == ["overnight"]:
        return _on(pub - timedelta(days=1)) if pub else unknown
    if words[-1] == "ago":
        return _ago(words, pub) if pub else unknown
    if "week" in words and ("earlier" in words or "later" in words) and set(words) <= (
            EDGE_WORDS | {"week", "this"}):
        return _week(pub, 0) if pub else unknown  # "earlier in the week"
    shift_at = next((i for i, w in enumerate(words) if w in RELATIVE_SHIFT), None)
    if shift_at is None or any(w.isdigit() and len(w) == 4 for w in words):
        if "weekend" in words and pub is not None:
            return _week(pub, _weekend_shift(pub, tense))
        return None
    shift = RELATIVE_SHIFT[words[shift_at]]
    after = words[shift_at + 1] if shift_at + 1 < len(words) else None
    before = words[:shift_at]
    if after in ("year", "month", "week", "weekend") and shift_at + 2 == len(words):
        if pub is None:
            return unknown
        if before and not all(w in EDGE_WORDS or w in MONTHS or w.isdigit() for w in before):
            return None
        if words[shift_at] == "past":
            return None  # "the past year" is a duration
        if after == "year":
            return _in_year(before, pub.year + shift)
        if after == "month":
            index = pub.year * 12 + pub.month - 1 + shift
            return DateValue(iso=f"{index // 12:04d}-{index % 12 + 1:02d}",
                             precision="month", relative=True)
        if after == "weekend":
            return _week(pub, _weekend_shift(pub, PAST if shift < 0 else FUTURE) + max(shift, 0))
        return _week(pub, shift)
    if after in WEEKDAYS and shift != 0:
        if pub is None:
            return DateValue(iso=after.capitalize(), precision="weekday", relative=True)
        back = (pub.weekday() - WEEKDAYS.index(after)) % 7 or 7
        ahead = (WEEKDAYS.index(after) - pub.weekday()) % 7 or 7
        day = pub - timedelta(days=back) if shift < 0 else pub + timedelta(days=ahead)
        return DateValue(iso=day.isoformat(), precision="weekday", relative=True)
    if after in MONTHS and shift != 0 and not any(w.isdigit() for w in words):
        if pub is None:
            return unknown
        month = MONTHS[after]
        year = pub.year - 1 if shift < 0 and month >= pub.month else (
            pub.year + 1 if shift > 0 and month <= pub.month else pub.year)
        return DateValue(iso=f"{year:04d}-{month:02d}", precision="month", relative=True)
    return None


def _on(day: date) -> DateValue:
    return DateValue(iso=day.isoformat(), precision="day", relative=True, stamped=True)


def _in_year(before: list[str], year: int) -> DateValue:
    """ "last year" is a year; "Oct 2 last year" a day of it, "in March last year" a month."""
    month = next((MONTHS[w] for w in before if w in MONTHS), None)
    day = next((int(w) for w in before if w.isdigit() and 1 <= int(w) <= 31), None)
    if month and day:
        try:
            return DateValue(iso=date(year, month, day).isoformat(), precision="day",
                             relative=True)
        except ValueError:
            return DateValue(iso="", precision="day", relative=True)
    if month:
        return DateValue(iso=f"{year:04d}-{month:02d}", precision="month", relative=True)
    return DateValue(iso=f"{year:04d}", precision="year", relative=True)


def _week(pub: date, shift: int) -> DateValue:
    """The ISO week ``shift`` weeks from the publication date's ("2020-W10")."""
    year, week, _ = (pub + timedelta(weeks=shift)).isocalendar()
    return DateValue(iso=f"{year:04d}-W{week:02d}", precision="week", relative=True)


def _weekend_shift(pub: date, tense: str) -> int:
    """Which week's weekend "the weekend" is: this one when it has begun or is to come."""
    if pub.weekday() >= 5:
        return 0
    return 0 if tense == FUTURE else -1


def _ago(words: list[str], pub: date) -> DateValue | None:
    """ "three days ago", "a week ago", "two years ago"."""
    unit = next((w.rstrip("s") for w in words if w.rstrip("s") in UNITS), None)
    count = next((NUMBER_WORDS.get(w) or (int(w) if w.isdigit() else None)
                  for w in words if w in NUMBER_WORDS or w.isdigit()), None)
    if unit is None or count is None:
        return None
    if unit == "day":
        return _on(pub - timedelta(days=count))
    if unit == "week":
        return _week(pub, -count)
    if unit == "month":
        index = pub.year * 12 + pub.month - 1 - count
        return DateValue(iso=f"{index // 12:04d}-{index % 12 + 1:02d}", precision="month",
                         relative=True)
    return DateValue(iso=f"{pub.year - count:04d}", precision="year", relative=True)


def _calendar(words: list[str], pub: date | None, *, tense: str,
              cased: list[str]) -> DateValue | None:
    """A date named by its calendar words: a year, a month, a day of a month, a weekday;
    ``cased`` are the words as written."""
    year = next((int(w) for w in words if len(w) == 4 and w.isdigit()
                 and 1800 <= int(w) <= 2100), None)
    month = next((MONTHS[w] for w in words if w in MONTHS), None)
    day = next((int(w) for w in words if w.isdigit() and len(w) <= 2 and 1 <= int(w) <= 31),
               None)
    if day is None:  # "the 2nd of June"
        day = next((int(w[:-2]) for w in words if re.fullmatch(r"\d{1,2}(st|nd|rd|th)", w)
                    and 1 <= int(w[:-2]) <= 31), None)
    weekday = next((w for w in words if w in WEEKDAYS), None)
    if month == 5 and "may" in words and year is None and day is None:
        return None  # the modal verb, most likely
    if month and year is None and day is None and not any(w in WEEKDAYS for w in words) \
            and not any(w[:1].isupper() and w.lower() in MONTHS for w in cased):
        return None  # "the march set off": a month's name is capitalised
    if year and month and day:
        try:
            return DateValue(iso=date(year, month, day).isoformat(), precision="day")
        except ValueError:
            return None
    if month and day:
        if pub is None:
            return DateValue(iso=f"--{month:02d}-{day:02d}", precision="day", relative=True)
        return _guess_day(month, day, weekday, pub, tense=tense)
    if year and month:
        return DateValue(iso=f"{year:04d}-{month:02d}", precision="month")
    if year and not weekday:
        return DateValue(iso=f"{year:04d}", precision="year")
    if month:
        if pub is None:
            return None
        if tense == PAST:
            guess = pub.year if month <= pub.month else pub.year - 1
        else:
            guess = pub.year if month >= pub.month else pub.year + 1
        return DateValue(iso=f"{guess:04d}-{month:02d}", precision="month", relative=True)
    if weekday:
        if pub is None:
            return DateValue(iso=weekday.capitalize(), precision="weekday", relative=True)
        back = (pub.weekday() - WEEKDAYS.index(weekday)) % 7
        ahead = (7 - back) % 7
        if tense == FUTURE or (tense == PRESENT and ahead < back):
            resolved = pub + timedelta(days=ahead)
        else:
            resolved = pub - timedelta(days=back)
        return DateValue(iso=resolved.isoformat(), precision="weekday", relative=True)
    return None


def _guess_day(month: int, day: int, weekday: str | None, pub: date, *,
               tense: str) -> DateValue | None:
    """The year of "March 16" (or "Monday, March 16"): the one its weekday fits, else the
    last such day up to publication, or the next one for an event still to come."""
    candidates = []
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if weekday is not None:
        fitting = [d for d in candidates if d.weekday() == WEEKDAYS.index(weekday)]
        if fitting:
            best = min(fitting, key=lambda d: abs((d - pub).days))
            return DateValue(iso=best.isoformat(), precision="day", relative=True)
    past = [d for d in candidates if d <= pub]
    coming = [d for d in candidates if d >= pub]
    if tense == PRESENT and past and coming:
        pick = min((max(past), min(coming)), key=lambda d: abs((d - pub).days))
    else:
        pick = min(coming) if tense != PAST and coming else max(past) if past else None
    if pick is None:
        return None
    return DateValue(iso=pick.isoformat(), precision="day", relative=True)
