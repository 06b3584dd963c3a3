"""Publication moments: an article's stated date or date-time as something to order by.

The comparator (which figures of a conflict are stages of one moving figure) and the
renderers (the "over time" line and chart) read publication times alike through here.
"""

from __future__ import annotations

from datetime import UTC, datetime


def moment(published: str | None) -> tuple[datetime, bool] | None:
    """The stated date-time (its own clock) and whether it has a time of day; None when
    absent or coarser than a day.

    >>> moment("2024-03-05T05:10:00+00:00")[1], moment("2024-03-05")[1], moment("2024-06")
    (True, False, None)
    """
    if not published or len(published) < 10:
        return None
    try:
        stated = datetime.fromisoformat(published)
    except ValueError:
        return None
    return stated, len(published) > 10


def instant(stated: datetime) -> datetime:
    """An aware moment to order by: a date or a time without a zone is taken as UTC."""
    return stated if stated.tzinfo else stated.replace(tzinfo=UTC)
