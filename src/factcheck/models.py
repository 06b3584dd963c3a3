"""The records that flow through factcheck: articles, claims, groups, reports.

Every record is a frozen dataclass; closed vocabularies are ``StrEnum``s whose
values are the strings written to JSON.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum


class ClaimKind(StrEnum):
    """What sort of checkable statement a claim is."""

    COUNT = "count"  # "twelve people", "40 arrested"
    QUANTITY = "quantity"  # "12.5 kg", "six meters", "Rs 1 lakh", "four days"
    RATIO = "ratio"  # "40 times faster than the old line", "30 percent"
    DATE = "date"  # "in August 2017", "Thursday"
    PERSON = "person"  # "Anna Kowalska"
    ORGANISATION = "organisation"  # "the Civil Aviation Authority", "Ardena FC", "the Taliban"
    PLACE = "place"  # "Lake Ohrid", "Westmark", "the Ardena Stadium"
    ALIAS = "alias"  # 'the pseudonym "Falcon"'
    SENTENCE = "sentence"  # "a suspended death sentence", "life in prison"
    OUTCOME = "outcome"  # "Anna Kowalska was acquitted", "police released Tom Hale"


class Status(StrEnum):
    """The verdict on a group, as the JSON contract names it."""

    CONFLICT = "conflict"
    AGREEMENT = "agreement"
    SINGLE = "single"


class Relation(StrEnum):
    """A finer explanation of how the positions of a group relate."""

    CONTRADICTION = "contradiction"
    SPELLING = "spelling-variant"
    SUBSET = "partial"
    STAGE = "different-stage"
    CONVERTED = "unit-converted"
    SAME = "same"
    SINGLE = "single-source"


class Severity(StrEnum):
    """How much a conflict deserves a reader's time."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        """0 for high, 2 for low: sort key, most severe first."""
        return ("high", "medium", "low").index(self.value)


class InputKind(StrEnum):
    """What an article was read from; every kind but ``text`` is text factcheck extracted."""

    TEXT = "text"  # a .txt or .md file: offsets index the file itself
    HTML = "html"  # a saved web page: offsets index the text extracted from it
    FEED = "feed"  # one item of a .jsonl or .json feed: offsets index its text field
    LINK = "link"  # a page fetched from a link: offsets index the text extracted from it


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``start:end`` of an article's decoded text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from a file."""

    id: str
    """Unique id, the file stem (suffixed when two files share a stem)."""
    path: str
    """The file, as given (relative to the working folder, or absolute), or the link."""
    text: str
    """The whole decoded file, or the text extracted from a page or feed item; every
    offset in factcheck indexes this string."""
    body: Span
    """Where the article body (after the header lines) starts and ends."""
    outlet: str | None = None
    title: str | None = None
    title_span: Span | None = None
    """Where the headline stands in ``text``: headlines are claims too."""
    author: str | None = None
    published: str | None = None
    """ISO 8601 date or date-time when the file states one, else None."""
    url: str | None = None
    encoding: str = "utf-8"
    kind: InputKind = InputKind.TEXT
    """What the article was read from: a text file, a saved page, a feed item, a link."""
    source: str | None = None
    """Where in ``path`` the article stands when the file holds several: a feed's line
    (``feed.jsonl:3``)."""
    story: str | None = None
    """The id of the story the article was found to tell, once the set is split."""

    @property
    def text_is_file(self) -> bool:
        """True when ``text`` is the file at ``path`` as read, so that offsets index the
        file; False when factcheck extracted it (a page, a feed item, a link)."""
        return self.kind is InputKind.TEXT

    @property
    def label(self) -> str:
        """The outlet when known, else the id: how reports name the article."""
        return self.outlet or self.id


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that could not be read, and why."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Amount:
    """A number as an article states it, with what is needed to compare it.

    ``amount`` is the figure in the stated unit ("12.5" for "12.5 kg",
    2050000 for "2.05 million"). The interval ``low``..``high`` (stated unit,
    None for unbounded) holds what the wording allows: "more than 100" is
    ``low=100, low_open=True``; "between 20 and 30" is ``low=20, high=30``.
    ``scale`` turns the stated unit into ``base_unit`` so that 20 kg and
    44.1 pounds compare equal; ``offset`` is added before scaling for units whose zero
    differs (a Fahrenheit temperature is (F - 32) * 5/9 degrees Celsius). ``precision`` is
    the resolution of the stated figure (0.1 for "12.5", 10000 for "2.05 million").
    """

    amount: float
    unit: str | None = None
    dimension: str = "count"
    low: float | None = None
    high: float | None = None
    low_open: bool = False
    high_open: bool = False
    approx: bool = False
    scale: float = 1.0
    base_unit: str | None = None
    precision: float = 1.0
    offset: float = 0.0

    def in_base(self, x: float) -> float:
        """A figure in the stated unit, in the base unit.

        >>> round(Amount(114.6, unit="°F", dimension="temperature", scale=5 / 9,
        ...              offset=-32.0).in_base(114.6), 2)
        45.89
        """
        return (x + self.offset) * self.scale

    def base_interval(self) -> tuple[float, float]:
        """The values in the base unit that the statement allows, rounding included."""
        tol = self.precision * 0.4999
        if self.approx:
            tol = max(tol, abs(self.amount) * APPROX_TOLERANCE)
        lo = (
            self.low
            if self.low is not None
            else (-math.inf if self.high is not None else self.amount - tol)
        )
        hi = (
            self.high
            if self.high is not None
            else (math.inf if self.low is not None else self.amount + tol)
        )
        if self.low is not None and self.high is not None and self.approx:
            lo, hi = lo - tol, hi + tol
        if self.low is None and self.high is not None:
            lo = 0.0 if self.amount >= 0 and self.dimension not in SIGNED else -math.inf
        return (self.in_base(lo), self.in_base(hi))

    @property
    def exact(self) -> bool:
        """True for a plain figure: no bound, range or approximation."""
        return self.low is None and self.high is None and not self.approx


SIGNED = frozenset({"temperature"})
"""Dimensions whose figures may fall below zero: "below 5C" allows -3C."""

APPROX_TOLERANCE = 0.05
"""Relative slack of "about", "around", "some": 5 % either way."""


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date at the precision the text gives it."""

    iso: str
    """"2017", "2017-08", "2019-W45" (a week), "2019-11-07"; a weekday alone is its name
    ("Sunday"); a day without its year "--11-07"; "" for a time of day alone ("at 9 a.m.")."""
    precision: str
    """"year", "month", "week", "day", "weekday", "time" for a time of day alone, or
    "pending" for a relative date ("last year") in an article with no publication date."""
    relative: bool = False
    """True when read against the publication date ("Thursday", "last year")."""
    time: str | None = None
    """The time of day when the text gives one: a clock time ("07:40", 24-hour) or a part
    of the day ("morning", "afternoon", "evening", "night")."""
    approx: bool = False
    """True for "around 7.40 a.m.", "shortly after noon"."""
    zone: str | None = None
    """The time zone a clock time is stated in ("GMT"), when not local time."""
    stamped: bool = False
    """True when the day is counted from the publication stamp ("yesterday", "two days
    ago"): a stamp is often a day off (a later update, another time zone), so the day
    allows the days either side."""

    @property
    def label(self) -> str:
        """The value in a few characters: "2019-05-07", "~07:40", "19:15 GMT", "afternoon".
        A time of day is a claim of its own beside its day's: its label is the time (the
        day it carries is compared, not shown).

        >>> DateValue("2019-05-07", "day").label, DateValue("2019-05-07", "day",
        ...     time="07:40", approx=True).label
        ('2019-05-07', '~07:40')
        """
        if self.time is None:
            return self.iso
        return ("~" if self.approx else "") + self.time + (f" {self.zone}" if self.zone else "")


@dataclass(frozen=True, slots=True)
class Penalty:
    """A sentence handed down by a court."""

    type: str
    """"death", "suspended death", "life" or "prison"."""
    years: float | None = None
    """Length of a prison term, or of a death sentence's suspension."""
    precision: float = 1.0
    """Resolution of the stated length in years (1/12 for a term stated in months)."""
    approx: bool = False
    """True for "nearly four years", "about 47 months"."""

    def __str__(self) -> str:
        if self.type == "prison" and self.years is not None:
            if self.precision < 1 and round(self.years * 12) == self.years * 12:
                return f"{self.years * 12:g} months in prison"
            return f"{self.years:g} years in prison"
        if self.type == "suspended death" and self.years:
            return f"death, suspended for {self.years:g} years"
        return self.type


class Fate(StrEnum):
    """What happened to a named person at the hands of police or a court."""

    CHARGED = "charged"
    NOT_CHARGED = "not charged"
    HELD = "held"
    RELEASED = "released"
    CONVICTED = "convicted"
    ACQUITTED = "acquitted"
    SENTENCED = "sentenced"

    def rivals(self, other: Fate) -> bool:
        """True when one person cannot have met both fates (at one time)."""
        return frozenset((self, other)) in _RIVAL_FATES


_RIVAL_FATES = frozenset(
    frozenset(pair)
    for pair in (
        (Fate.CHARGED, Fate.NOT_CHARGED),
        (Fate.HELD, Fate.RELEASED),
        (Fate.CONVICTED, Fate.ACQUITTED),
        (Fate.SENTENCED, Fate.ACQUITTED),
    )
)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to a named person: "acquitted", "released", "not charged"."""

    person: str
    """The person's name as the sentence gives it."""
    fate: Fate

    def __str__(self) -> str:
        return self.fate.value


Value = Amount | DateValue | Penalty | Outcome | str


@dataclass(frozen=True, slots=True)
class Measure:
    """What a figure measures, as its sentence states it: numeric claims link by this.

    Two figures are compared when their measures match; they are kept apart only for a
    reason the text states (another holder, scope, time, mode, a change against a level,
    a part of a set). Every field is read from the parse, none from a list of events.
    """

    thing: str | None = None
    """The counted or measured noun as a lemma ("people", "store", "crew member"); None
    when the text leaves it to an earlier phrase ("52 are critical")."""
    event: str | None = None
    """What happened to it, or what it is: the predicate's lemma, or the class of its
    synonyms ("killed" for die, dead, death, toll); None for a bare figure."""
    narrow: tuple[str, ...] = ()
    """Words that narrow the set it counts: "critical", "intensive care", "still",
    "foreign", "penalty:life"."""
    holder: str | None = None
    """Whose figure it is: a candidate's share, a company's stores, a ship's tonnage."""
    common_holder: bool = False
    """The holder is a common noun ("the ship", "the firm"), not a name ("the Sewa"): it
    may be the holder another outlet names."""
    scope: tuple[str, ...] = ()
    """The part of the whole it covers: a place ("where:westmark"), "nationwide"."""
    time: tuple[str, ...] = ()
    """As of when, when the sentence says: "year:2019", "earlier", "since:audit"."""
    change: str | None = None
    """None for a level; "up", "down" or "change" for a change ("fell 24 percent")."""
    part: str | None = None
    """How it is a part of a set named beside it: "of", "including", "other"."""
    mode: str | None = None
    """None for what happened; "capacity", "forecast", "presumed", "rate" or "remaining"
    (what is left of a distance or a time) otherwise."""
    cause: tuple[str, ...] = ()
    """What the sentence attributes it to ("flame", "smoke"): it sets the parts of one
    total apart within an article, not claims across articles."""

    @property
    def words(self) -> tuple[str, ...]:
        """The measure in a few words, for labels: thing, narrowing, event."""
        parts = [w.lstrip("~") for w in (*self.narrow, self.thing, self.event) if w]
        return tuple(dict.fromkeys(p for p in parts if not p.startswith("penalty:")))


@dataclass(frozen=True, slots=True)
class Subject:
    """What a claim is about, for the comparator to group on."""

    measure: Measure | None = None
    """For counts, quantities and ratios: what the figure measures."""

    noun: str | None = None
    """Lemma of the counted or measured thing: "people", "depth", "population"."""
    action: str | None = None
    """Lemma class of the event it is counted for: "sentence", "arrest", "kill"."""
    qualifiers: tuple[str, ...] = ()
    """Words that narrow the set: "other", "life", a year such as "1989"."""
    role: str | None = None
    """For people: the role the text gives ("senior official")."""
    compared: str | None = None
    """For ratios: what it is compared with ("the old line")."""
    context: str = ""
    """Content lemmas around the claim, for fuzzy context similarity."""
    terms: tuple[str, ...] = ()
    """Content lemmas of the whole sentence (numbers and units left out), for tf-idf similarity."""
    topic: str | None = None
    """A claim-book topic id when one matched."""


@dataclass(frozen=True, slots=True)
class Claim:
    """One checkable statement, with the exact span it came from."""

    id: str
    article: str
    kind: ClaimKind
    text: str
    """Exactly ``article.text[start:end]``."""
    start: int
    end: int
    sentence: str
    sentence_start: int
    value: Value
    subject: Subject = field(default_factory=Subject)
    in_title: bool = False
    restates: str | None = None
    """Id of a claim this one restates in other units ("20 kg (44.1 pounds)")."""

    @property
    def amount(self) -> Amount | None:
        """The numeric value, for counts, quantities and ratios."""
        return self.value if isinstance(self.value, Amount) else None


@dataclass(frozen=True, slots=True)
class Position:
    """Claims of a group that can all be true together."""

    label: str
    """The value in words, for reports ("9", "12.5 kg", "Anna Kowalska")."""
    claims: tuple[Claim, ...]
    articles: tuple[str, ...]
    """Article ids holding this position, sorted."""
    independent: int = 0
    """How many independent sources hold it: articles that copy one another count once."""


@dataclass(frozen=True, slots=True)
class Group:
    """All claims, across articles, about one thing."""

    id: str
    kind: ClaimKind
    status: Status
    relation: Relation
    positions: tuple[Position, ...]
    """Most supported first."""
    about: str
    """Short description of what the claims are about ("people sentenced")."""
    explanation: str
    severity: Severity | None = None
    """Set for conflicts only."""
    topic: str | None = None
    question: str | None = None
    majority: int | None = None
    """Index of the position most independent outlets hold, when one does."""
    outliers: tuple[str, ...] = ()
    """Article ids alone against the majority."""
    reference: str | None = None
    """What the claim book's reference value says of this group, when it has one."""
    story: str | None = None
    """The id of the story whose articles the group compares."""

    @property
    def claims(self) -> tuple[Claim, ...]:
        """Every claim of the group, position by position."""
        return tuple(c for p in self.positions for c in p.claims)

    @property
    def articles(self) -> tuple[str, ...]:
        """Article ids with a claim in this group, sorted."""
        return tuple(sorted({c.article for c in self.claims}))


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference value from the claim book (a court statement, an official figure)."""

    topic: str
    value: str
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Profile:
    """What an article is about, read from the parse that gives its claims: its named
    entities and key terms, counted. Splitting a mixed set into stories compares these."""

    entities: tuple[tuple[str, int], ...] = ()
    """``"person:ana ruiz"``, ``"name:westmark"`` (any other entity), with their counts."""
    terms: tuple[tuple[str, int], ...] = ()
    """Lemmas of the nouns outside entities ("ferry", "tsunami"), with their counts."""


@dataclass(frozen=True, slots=True)
class Story:
    """Articles found to tell of one event."""

    id: str
    """``"s1"``, ``"s2"``...: in the order of each story's first article."""
    title: str
    """The headline of its most central article (else that article's id)."""
    articles: tuple[str, ...]
    """Its article ids, in input order."""
    first: str | None = None
    """The earliest publication date among its articles (ISO 8601), if any says one."""
    last: str | None = None
    """The latest publication date."""


@dataclass(frozen=True, slots=True)
class Report:
    """The whole answer for one set of articles."""

    articles: tuple[Article, ...]
    groups: tuple[Group, ...]
    skipped: tuple[Skipped, ...] = ()
    claim_book: str | None = None
    stories: tuple[Story, ...] = ()
    """The stories the articles were split into (one when they tell of one event); each
    article and group names its story. Empty when the report was not split."""

    def article(self, article_id: str) -> Article:
        """The article with that id."""
        for art in self.articles:
            if art.id == article_id:
                return art
        raise KeyError(article_id)

    def by_status(self, status: Status) -> tuple[Group, ...]:
        """Groups with that status, in report order."""
        return tuple(g for g in self.groups if g.status is status)

    def story_reports(self) -> tuple[tuple[Story, Report], ...]:
        """Each story with the part of the report about it (its articles and groups)."""
        articles: dict[str | None, list[Article]] = {}
        groups: dict[str | None, list[Group]] = {}
        for article in self.articles:
            articles.setdefault(article.story, []).append(article)
        for group in self.groups:
            groups.setdefault(group.story, []).append(group)
        return tuple(
            (
                story,
                Report(
                    articles=tuple(articles.get(story.id, ())),
                    groups=tuple(groups.get(story.id, ())),
                    claim_book=self.claim_book,
                    stories=(story,),
                ),
            )
            for story in self.stories
        )


class Verdict(StrEnum):
    """What the other articles make of one article's claim."""

    CORROBORATED = "corroborated"
    CONTRADICTED = "contradicted"
    ONLY_HERE = "only-here"


@dataclass(frozen=True, slots=True)
class ClaimCheck:
    """One claim of the checked article, with the other articles' say."""

    claim: Claim
    verdict: Verdict
    group_id: str | None = None
    supporting: tuple[Claim, ...] = ()
    """Claims of other articles in the same position."""
    contradicting: tuple[Claim, ...] = ()
    """Claims of other articles in other positions of the same group."""


@dataclass(frozen=True, slots=True)
class ArticleCheck:
    """``factcheck claim ARTICLE``: every claim of one article checked against others."""

    article: Article
    against: tuple[Article, ...]
    checks: tuple[ClaimCheck, ...]
    report: Report
    """The comparison the verdicts come from."""
