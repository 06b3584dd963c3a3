"""A timeline laid out for an inline SVG chart: time across, to scale; the figure up.

Pure geometry in SVG units; the HTML template draws it. Each point carries the
outlet's own figure; labels that would overlap are moved below their point, and
time labels that would run together alternate between two rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.render.timeline import Point, Timeline

CHART_WIDTH = 360
CHART_HEIGHT = 170
CHART_MARGIN = (26, 16, 44, 16)
"""Top, right, bottom and left margins, in SVG units."""
LABEL_GAP = 70
"""Time labels closer than this on the axis alternate between two rows."""
CHAR_WIDTH = 7.0
LINE_HEIGHT = 14.0
"""The rough size of a character of the chart's 12-unit text, to keep labels apart."""


@dataclass(frozen=True)
class Dot:
    """One point of the chart: the outlets that gave one figure at one time."""

    x: float
    y: float
    figure: str
    when: str
    outlets: str
    position: int
    """Index of the group's position, for the colour."""
    published: str
    label_y: float
    """Where the figure's label stands: above the point, or below when that would overlap."""
    anchor: str
    """How its labels align: "start" near the left edge, "end" near the right, else "middle"."""


@dataclass(frozen=True)
class Chart:
    """A timeline laid out in SVG units."""

    width: int
    height: int
    left: float
    """The axis runs from ``left`` to ``right`` at height ``base``."""
    right: float
    base: float
    dots: tuple[Dot, ...]
    line: str
    """The points joined in time order, as SVG polyline points ("" when not one series)."""
    ticks: tuple[tuple[float, float, str, str], ...]
    """x, y, alignment and text of each time label under the axis."""
    levels: tuple[float, ...]
    """Heights of the highest and lowest figures, drawn as faint lines."""
    points: tuple[Point, ...]
    """Every outlet's figure in time order, for the list beside the chart."""
    note: str


def _extent(x: float, text: str, anchor: str) -> tuple[float, float]:
    """Where a label of ``text`` runs, left to right, when it stands at ``x``."""
    width = len(text) * CHAR_WIDTH
    start = {"start": x, "end": x - width}.get(anchor, x - width / 2)
    return start, start + width


def _overlaps(
    x: float, y: float, text: str, anchor: str, placed: list[tuple[float, float, str, str]]
) -> bool:
    low, high = _extent(x, text, anchor)
    for px, py, ptext, panchor in placed:
        plow, phigh = _extent(px, ptext, panchor)
        if low < phigh and plow < high and abs(y - py) < LINE_HEIGHT:
            return True
    return False


def chart(moving: Timeline) -> Chart:
    """Where each point of a timeline goes, and its labels."""
    top, right, bottom, left = CHART_MARGIN
    width, height = CHART_WIDTH - left - right, CHART_HEIGHT - top - bottom
    base = top + height
    first, last = moving.points[0].instant, moving.points[-1].instant
    span = (last - first).total_seconds() or 1.0
    low = min(p.value for p in moving.points)
    high = max(p.value for p in moving.points)

    def x_of(point: Point) -> float:
        return round(left + (point.instant - first).total_seconds() / span * width, 1)

    def y_of(value: float) -> float:
        share = (high - value) / (high - low) if high > low else 0.5
        return round(top + share * height, 1)

    def anchor(x: float) -> str:
        if x < left + LABEL_GAP / 2:
            return "start"
        return "end" if x > left + width - LABEL_GAP / 2 else "middle"

    merged: dict[tuple[float, float, str], list[Point]] = {}
    for point in moving.points:
        merged.setdefault((x_of(point), y_of(point.value), point.figure), []).append(point)
    placed: list[tuple[float, float, str, str]] = []
    dots = []
    for (x, y, figure), same in merged.items():
        align = anchor(x)
        above, below = y - 10, y + 20
        crowded = _overlaps(x, above, figure, align, placed)
        if crowded and below < base - 4 and not _overlaps(x, below, figure, align, placed):
            label_y = below
        else:
            label_y = above
        placed.append((x, label_y, figure, align))
        outlets = ", ".join(dict.fromkeys(p.outlet for p in same))
        dots.append(Dot(x, y, figure, same[0].when, outlets, same[0].position,
                        same[0].published, label_y, align))
    ticks: list[tuple[float, float, str, str]] = []
    for dot in dots:
        if any(t[0] == dot.x for t in ticks):
            continue
        low_row = ticks and dot.x - ticks[-1][0] < LABEL_GAP and ticks[-1][1] == base + 16
        ticks.append((dot.x, base + (30 if low_row else 16), dot.anchor, dot.when))
    return Chart(
        width=CHART_WIDTH,
        height=CHART_HEIGHT,
        left=left,
        right=left + width,
        base=base,
        dots=tuple(dots),
        # One series (a figure per time) is joined up; several at one time are left as dots.
        line=" ".join(f"{d.x},{d.y}" for d in dots) if len(ticks) == len(dots) else "",
        ticks=tuple(ticks),
        levels=tuple(sorted({y_of(low), y_of(high)})),
        points=moving.points,
        note=moving.note,
    )
