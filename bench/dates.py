"""Which reader reads news dates more right, and how fast: main's, dateparser, this one.

Each case is a sentence of news English with a publication date, the date phrase
in it, and what a careful reader takes it to mean ("2020-03-08", "2020-W10" for a
week, "2020-03-11 night" for a day and its part, "none" for no date). Three readers
read the phrase as spaCy finds it:

* ``main``: the reader on the main branch (``extract/dates.py`` as of the merge
  base, loaded from git), which reads weekdays, months and years;
* ``dateparser``: ``dateparser.DateDataParser`` with ``RELATIVE_BASE`` set to the
  publication date and ``PREFER_DATES_FROM`` set from the clause's tense (the same
  tense the other readers get), ``RETURN_TIME_AS_PERIOD`` for its precision;
* ``new``: :func:`factcheck.extract.calendar.read_date`.

Prints one row per case and a summary (right answers, microseconds per phrase,
spaCy's parse aside), and writes it to ``bench/dates.md``.

    .venv/bin/python bench/dates.py
"""

from __future__ import annotations

import subprocess
import sys
import time
import types
from datetime import date, datetime
from pathlib import Path

from factcheck.extract.calendar import FUTURE, read_date
from factcheck.extract.dates import _tense
from factcheck.nlp import load_nlp

ROOT = Path(__file__).resolve().parent.parent
THU = "2020-03-12"

CASES = [
    # (sentence, phrase, published, expected)
    ("Polls opened on Sunday.", "Sunday", THU, "2020-03-08"),
    ("Voters will go to the polls on Sunday.", "Sunday", THU, "2020-03-15"),
    ("The quake struck on Thursday.", "Thursday", THU, "2020-03-12"),
    ("The new law takes effect on Saturday.", "Saturday", THU, "2020-03-14"),
    ("At 8pm on Saturday the match kicks off in the capital.", "Saturday", "2020-03-15",
     "2020-03-14"),
    ("The trial resumes on Monday, March 16.", "Monday, March 16", THU, "2020-03-16"),
    ("The ship sank on Oct. 3.", "Oct. 3", THU, "2019-10-03"),
    ("He was arrested on Oct 2 last year.", "Oct 2 last year", "2019-12-10", "2018-10-02"),
    ("The ceasefire began on 5 March.", "5 March", THU, "2020-03-05"),
    ("The vote took place on March 3, 2018.", "March 3, 2018", THU, "2018-03-03"),
    ("The epidemic began in December.", "December", THU, "2019-12"),
    ("The court will rule in April.", "April", THU, "2020-04"),
    ("The dam burst in August 2017.", "August 2017", THU, "2017-08"),
    ("The company was founded in 1998.", "1998", THU, "1998"),
    ("The study was published last year.", "last year", THU, "2019"),
    ("Results are expected next month.", "next month", THU, "2020-04"),
    ("The minister resigned last month.", "last month", THU, "2020-02"),
    ("The bridge was closed earlier this month.", "earlier this month", THU, "2020-03"),
    ("The plant was shut down last week.", "last week", THU, "2020-W10"),
    ("Talks collapsed earlier this week.", "earlier this week", THU, "2020-W11"),
    ("The fire broke out yesterday.", "yesterday", THU, "2020-03-11"),
    ("The strike ends today.", "today", THU, "2020-03-12"),
    ("The report will be published tomorrow.", "tomorrow", THU, "2020-03-13"),
    ("Three people were arrested two days ago.", "two days ago", THU, "2020-03-10"),
    ("The suspect was charged last Tuesday.", "last Tuesday", THU, "2020-03-10"),
    ("The rally will be held next Tuesday.", "next Tuesday", THU, "2020-03-17"),
    ("Clashes erupted last night.", "last night", THU, "2020-03-11 night"),
    ("The mayor spoke this morning.", "this morning", THU, "2020-03-12 morning"),
    ("The bus crashed on Tuesday afternoon.", "Tuesday afternoon", "2019-05-08",
     "2019-05-07 afternoon"),
    ("The storm hit the coast on Saturday evening.", "Saturday evening", THU,
     "2020-03-07 evening"),
    ("The ship sent a distress signal at 7.40 a.m. on Wednesday.", "7.40 a.m.", THU,
     "07:40"),
    ("The van hit the crowd at 21:15 local time.", "21:15", THU, "21:15"),
    ("The attack began at around 9.20pm yesterday.", "9.20pm yesterday", THU,
     "2020-03-11 21:20"),
    ("The firm was alerted on Sunday, March 7.", "Sunday, March 7", "2021-03-09",
     "2021-03-07"),
    ("Reports came in on the 2nd of June.", "the 2nd of June", THU, "2019-06-02"),
    ("Stores stayed shut over the weekend.", "the weekend", THU, "2020-W10"),
    ("The count ended mid-morning Monday.", "mid-morning Monday", THU, "2020-03-09 morning"),
    ("He was jailed on Wednesday (04.05.16) for fraud.", "04.05.16", "2016-05-05",
     "2016-05-04"),
    ("The results came in shortly after midnight.", "shortly after midnight", THU, "00:00"),
    ("The market has boomed since the 1990s.", "the 1990s", THU, "none"),
    ("The strike lasted four days.", "four days", THU, "none"),
    ("Sales rose in the past year.", "the past year", THU, "none"),
    ("The team won the 2018-19 season.", "2018-19", THU, "none"),
    ("He was released the day before.", "the day before", THU, "none"),
    ("The march set off half an hour earlier than planned.", "half an hour", THU, "none"),
]


def main_reader():
    """The date reader of the merge base with main, loaded from git as a module."""
    base = subprocess.run(["git", "merge-base", "HEAD", "main"], cwd=ROOT,
                          capture_output=True, text=True, check=True).stdout.strip()
    source = subprocess.run(["git", "show", f"{base}:src/factcheck/extract/dates.py"],
                            cwd=ROOT, capture_output=True, text=True, check=True).stdout
    source = source.replace("from .. import lexicon", "from factcheck import lexicon")
    source = source.replace("from ..models import", "from factcheck.models import")
    source = source.replace("from .calendar import MONTHS, _published",
                            "from factcheck.extract.calendar import MONTHS, _published")
    source = source.replace("from .records import", "from factcheck.extract.records import")
    source = source.replace("from .syntax import", "from factcheck.extract.syntax import")
    module = types.ModuleType("main_dates")
    exec(compile(source, "main:extract/dates.py", "exec"), module.__dict__)
    return module


def as_text(value) -> str:
    """A DateValue as the cases write it."""
    if value is None or (not value.iso and value.time is None):
        return "none"
    return " ".join(p for p in (value.iso, value.time) if p)


PART_OF = {range(5, 12): "morning", range(12, 18): "afternoon", range(18, 20): "evening",
           range(20, 24): "night"}


def dateparser_text(data) -> str:
    """dateparser's answer as the cases write it, at the precision it reports."""
    if data is None or data.date_obj is None:
        return "none"
    when: datetime = data.date_obj
    period = data.period
    if period == "year":
        return f"{when.year:04d}"
    if period == "month":
        return f"{when.year:04d}-{when.month:02d}"
    if period == "week":
        year, week, _ = when.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if period == "time":
        return f"{when.date().isoformat()} {when.hour:02d}:{when.minute:02d}"
    if period == "part_of_day":
        part = next((p for hours, p in PART_OF.items() if when.hour in hours), "night")
        return f"{when.date().isoformat()} {part}"
    return when.date().isoformat()


def accepts(expected: str, got: str) -> bool:
    """A time of day alone is right whatever day a reader adds to it."""
    if expected == got:
        return True
    return ":" in expected and " " not in expected and got.endswith(" " + expected)


def main() -> int:
    import dateparser
    from dateparser.date import DateDataParser

    nlp = load_nlp()
    old = main_reader()
    found = []
    for sentence, phrase, published, expected in CASES:
        doc = nlp(sentence)
        start = sentence.index(phrase)
        span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
        found.append((span, date.fromisoformat(published), expected))
    def read_main(span, pub):
        return as_text(old._date_value(span, pub))

    def read_new(span, pub):
        return as_text(read_date(span.text, pub, tense=_tense(span)))

    parsers = {}

    def read_dateparser(span, pub):
        prefer = "future" if _tense(span) == FUTURE else "past"
        key = (pub, prefer)
        if key not in parsers:
            parsers[key] = DateDataParser(languages=["en"], settings={
                "RELATIVE_BASE": datetime(pub.year, pub.month, pub.day, 12, 0),
                "PREFER_DATES_FROM": prefer, "RETURN_TIME_AS_PERIOD": True})
        return dateparser_text(parsers[key].get_date_data(span.text))

    readers = {"main": read_main, "dateparser": read_dateparser, "new": read_new}
    answers = {name: [read(s, p) for s, p, _ in found] for name, read in readers.items()}
    speed = {}
    for name, read in readers.items():
        began = time.perf_counter()
        for _ in range(20):
            for span, pub, _ in found:
                read(span, pub)
        speed[name] = (time.perf_counter() - began) / (20 * len(found)) * 1e6
    lines = ["| phrase | published | expected | main | dateparser | new |",
             "| --- | --- | --- | --- | --- | --- |"]
    for k, (_sentence, phrase, published, expected) in enumerate(CASES):
        cells = []
        for name in readers:
            got = answers[name][k]
            cells.append(got if accepts(expected, got) else f"**{got}** ✗")
        lines.append(f"| {phrase} | {published} | {expected} | " + " | ".join(cells) + " |")
    right = {n: sum(accepts(c[3], answers[n][k]) for k, c in enumerate(CASES)) for n in readers}
    lines += ["", "| reader | right | µs per phrase |", "| --- | --- | --- |"]
    lines += [f"| {n} | {right[n]}/{len(CASES)} | {speed[n]:.0f} |" for n in readers]
    version = getattr(dateparser, "__version__", "?")
    text = ("# Date readers on news English\n\n"
            f"`bench/dates.py`, {date.today().isoformat()}, dateparser {version}; "
            "spaCy's parse is not timed. ✗ marks a wrong answer.\n\n" + "\n".join(lines) + "\n")
    (ROOT / "bench" / "dates.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
