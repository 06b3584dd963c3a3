"""Updates are not errors: when a conflict's figures are stages of one moving figure.

A toll, a count of the missing, a price under negotiation move as the story goes on;
reports published hours apart that give 61, 62 and 63 dead are not outlets
disagreeing. A conflict is read as stages (``Relation.STAGE``) only on evidence:

* **the times order the figures**: every figure's reports were published before every
  report of the next figure (a date without a time of day is its midnight, as the
  timeline draws it), and the figures move one way over those times; or the text
  orders them ("initially put at 90", "up from 70": :attr:`Measure.time`);
* **the figure is one that moves**: a count of what happened to people (killed,
  injured, missing, rescued, arrested ...), a running count ("at least 40", "still
  missing", "so far"), or one the text itself places in time.

Figures reported at one time, reports that cannot be placed in time, or figures that
go up and down again stay a contradiction. The conflict is still a conflict; only its
relation, severity and explanation say it may be an update.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

from ..models import Amount, Claim, ClaimKind, Position
from ..moments import instant, moment
from .measures import measure_of
from .values import _magnitude

MOVING_EVENTS = frozenset(
    "killed injured missing rescued evacuated arrested charged infected found damaged".split()
)
"""What happened to people (or homes) whose count grows or shrinks as a story goes on."""

RUNNING_WORDS = frozenset({"still", "so far", "now"})
"""Words that make a count one at a moment ("still missing", "so far")."""

ORDER_WORDS = {"earlier": 0, "now": 1, "later": 1}
"""Time words of a figure (:attr:`Measure.time`) and the stage they place it at."""

NUMERIC = (ClaimKind.COUNT, ClaimKind.QUANTITY, ClaimKind.RATIO)


@dataclass(frozen=True)
class Stage:
    """One figure of a moving figure, with when it was reported."""

    label: str
    """The position's figure as reports name it ("63")."""
    when: datetime | None
    """When it was first reported (None when the text, not a date, places it)."""
    timed: bool
    """True when that report states a time of day."""
    word: str | None = None
    """The text's own word for its stage ("earlier") when that is what orders it."""


def stages(kind: ClaimKind, positions: tuple[Position, ...],
           published: dict[str, str | None]) -> tuple[Stage, ...] | None:
    """The positions of a numeric conflict as stages of one figure, oldest first; None when
    nothing shows that the figure moved."""
    if kind not in NUMERIC or len(positions) < 2:
        return None
    claims = [c for p in positions for c in p.claims]
    if not moves(claims):
        return None
    return by_publication(positions, published) or by_wording(positions)


def moves(claims: list[Claim]) -> bool:
    """True when the figure is one that moves as a story goes on."""
    for claim in claims:
        measure = measure_of(claim)
        if measure.event in MOVING_EVENTS and claim.kind is ClaimKind.COUNT:
            return True
        if RUNNING_WORDS & set(measure.narrow) or set(measure.time) & set(ORDER_WORDS):
            return True
        amount = claim.amount
        if amount is not None and amount.low_open and amount.high is None:
            return True  # "at least 40", "more than 100": a count still running
    return False


def by_publication(positions: tuple[Position, ...],
                   published: dict[str, str | None]) -> tuple[Stage, ...] | None:
    """Stages ordered by when the reports were published: each figure's reports all before
    the next figure's, the figures moving one way."""
    spans = []
    for position in positions:
        times = [m for m in (moment(published.get(a)) for a in position.articles) if m]
        if not times:
            return None  # a figure no dated report gives cannot be placed
        first = min(times, key=lambda m: instant(m[0]))
        last = max(instant(m[0]) for m in times)
        spans.append((instant(first[0]), last, first, position))
    spans.sort(key=lambda s: s[0])
    if any(spans[k][1] >= spans[k + 1][0] for k in range(len(spans) - 1)):
        return None  # two figures at one time: outlets disagree
    if not _one_way([_figure(s[3]) for s in spans]):
        return None
    return tuple(Stage(label=s[3].label, when=s[2][0], timed=s[2][1]) for s in spans)


def by_wording(positions: tuple[Position, ...]) -> tuple[Stage, ...] | None:
    """Two figures the text itself orders: one every report gives as the earlier ("initially
    put at 90"), the other none does."""
    if len(positions) != 2:
        return None
    rank = []
    for position in positions:
        words = [{ORDER_WORDS[t] for t in measure_of(c).time if t in ORDER_WORDS}
                 for c in position.claims]
        if all(w == {0} for w in words):
            rank.append(0)
        elif not any(0 in w for w in words):
            rank.append(1)
        else:
            return None
    if sorted(rank) != [0, 1]:
        return None
    ordered = sorted(zip(rank, positions, strict=True), key=lambda rp: rp[0])
    return tuple(Stage(label=p.label, when=None, timed=False,
                       word="earlier" if r == 0 else None) for r, p in ordered)


def _figure(position: Position) -> float:
    amounts = [c.value for c in position.claims if isinstance(c.value, Amount)]
    return min(_magnitude(a) for a in amounts) if amounts else 0.0


def _one_way(figures: list[float]) -> bool:
    rising = all(a <= b for a, b in pairwise(figures))
    falling = all(a >= b for a, b in pairwise(figures))
    return rising or falling


def stage_line(found: tuple[Stage, ...]) -> str:
    """The stages newest first, each with its time: "63 (Mon 19 Jun) ← 62 (Sun 18 Jun
    23:55) ← 61 (Sun 18 Jun)"; the year is added when the stages span several.

    >>> stage_line((Stage("61", datetime(2017, 6, 18), False),
    ...             Stage("62", datetime(2017, 6, 18, 23, 55), True),
    ...             Stage("63", datetime(2017, 6, 19), False)))
    '63 (Mon 19 Jun) ← 62 (Sun 18 Jun 23:55) ← 61 (Sun 18 Jun)'
    """
    years = {s.when.year for s in found if s.when is not None}

    def when(stage: Stage) -> str:
        if stage.when is None:
            return f" ({stage.word})" if stage.word else ""
        text = f"{stage.when.strftime('%a')} {stage.when.day} {stage.when.strftime('%b')}"
        if len(years) > 1:
            text += f" {stage.when.year}"
        if stage.timed:
            text += f" {stage.when.strftime('%H:%M')}"
        return f" ({text})"

    return " ← ".join(f"{s.label}{when(s)}" for s in reversed(found))
