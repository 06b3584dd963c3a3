"""A figure over time: each outlet's value in a conflict against its publication time.

A conflict whose figures differ between articles published at different times
may be one figure moving through the day (a toll rising from 37 to 43) rather
than outlets disagreeing. :func:`timeline` lays the figures out in time order
for the renderers: the terminal and Markdown reports add its :attr:`Timeline.note`,
the HTML report draws it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from factcheck.models import Amount, Article, Claim, Group, Status
from factcheck.moments import instant as _instant
from factcheck.moments import moment as _moment
from factcheck.quantities import format_amount

WEEK_DAYS = 6
"""Points at most this many days apart are told apart by weekday ("Wed"), else by date."""


@dataclass(frozen=True)
class Point:
    """One article's figure at its publication time."""

    article: str
    """The article id."""
    outlet: str
    """How reports name the article."""
    published: str
    """The publication date or time as the article states it (ISO 8601)."""
    instant: datetime
    """``published`` as an aware moment, for ordering (a date alone is its midnight, UTC)."""
    label: str
    """The figure as the group's position names it (the note speaks of positions)."""
    figure: str
    """The figure in the article's own words ("more than 1 million")."""
    position: int
    """Index of the group's position the article's claim is in."""
    value: float
    """The figure in the base unit (the middle of a range), for a chart's scale."""
    when: str
    """A short time label among the timeline's points: "05:10", "Wed", "7 Nov 13:29"."""


@dataclass(frozen=True)
class Timeline:
    """The figures of one conflict in the order they were published."""

    points: tuple[Point, ...]

    @property
    def note(self) -> str:
        """One line: each change of figure with its time, "37 (05:10) → 39 (Wed) → 43 (Sun)".

        Figures published at one time are joined with "/"; a time that says
        what the time before it said is left out.
        """
        steps: list[tuple[str, str]] = []
        for when in dict.fromkeys(p.when for p in self.points):
            labels = "/".join(dict.fromkeys(p.label for p in self.points if p.when == when))
            if not steps or steps[-1][0] != labels:
                steps.append((labels, when))
        return " → ".join(f"{labels} ({when})" for labels, when in steps)


def _labels(moments: list[tuple[datetime, bool]]) -> list[str]:
    """Short labels that tell the moments apart: the clock time on one day, the weekday
    within a week, else the date; the clock time is added where a day has several."""
    days = [m.date() for m, _ in moments]
    first, last = min(days), max(days)
    labels = []
    for (stated, timed), day in zip(moments, days, strict=True):
        if first == last:
            date = ""
        elif (last - first).days <= WEEK_DAYS:
            date = stated.strftime("%a")
        elif first.year == last.year:
            date = f"{stated.day} {stated.strftime('%b')}"
        else:
            date = stated.strftime("%Y-%m-%d")
        shared = any(
            d == day and (m.time(), t) != (stated.time(), timed)
            for (m, t), d in zip(moments, days, strict=True)
        )
        clock = stated.strftime("%H:%M") if timed and (first == last or shared) else ""
        labels.append(" ".join(part for part in (date, clock) if part) or stated.isoformat())
    return labels


def _own_claim(claims: tuple[Claim, ...], article: str) -> Claim:
    """The article's claim in a position: the first one stated, not restated in other units."""
    mine = [c for c in claims if c.article == article]
    return next((c for c in mine if c.restates is None), mine[0])


def timeline(group: Group, articles: Mapping[str, Article]) -> Timeline | None:
    """The conflict's figures in time order, when they differ between articles published
    at different times; else None.

    Only numeric groups (counts, quantities, ratios) and articles dated to the day
    or better count. An article with claims in two positions gives two points.
    """
    if group.status is not Status.CONFLICT:
        return None
    found: list[tuple[datetime, bool, Article, int, Amount]] = []
    for index, position in enumerate(group.positions):
        for article_id in position.articles:
            article = articles.get(article_id)
            moment = _moment(article.published) if article else None
            amount = _own_claim(position.claims, article_id).value
            if article is None or moment is None or not isinstance(amount, Amount):
                continue
            found.append((*moment, article, index, amount))
    if len({index for _, _, _, index, _ in found}) < 2:
        return None
    found.sort(key=lambda f: (_instant(f[0]), _height(f[4]), f[2].id))
    whens = _labels([(stated, timed) for stated, timed, *_ in found])
    points = tuple(
        Point(
            article=article.id,
            outlet=article.label,
            published=article.published or "",
            instant=_instant(stated),
            label=group.positions[index].label,
            figure=format_amount(amount),
            position=index,
            value=_height(amount),
            when=when,
        )
        for (stated, _, article, index, amount), when in zip(found, whens, strict=True)
    )
    result = Timeline(points)
    return result if " → " in result.note else None


def _height(amount: Amount) -> float:
    """Where a figure stands on a scale: its amount, or the middle of its range, in the
    base unit."""
    if amount.low is not None and amount.high is not None:
        return (amount.low + amount.high) / 2 * amount.scale
    return amount.amount * amount.scale
