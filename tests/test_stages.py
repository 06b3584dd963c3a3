"""Updates are not errors: a conflict whose figures are stages of one moving figure.

Small hand-made article sets through the real pipeline (see ``test_compare``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck.models import Relation, Severity, Status
from factcheck.pipeline import build_report
from factcheck.render.timeline import timeline

P = pytest.param
DAY = "2017-06-18"


def make_set(tmp_path: Path, articles: list[tuple[str | None, str]]) -> Path:
    """One Markdown article per (published, body), named a0, a1, ..."""
    for n, (published, body) in enumerate(articles):
        stamp = f"Published at: **{published}**\n\n" if published else ""
        text = f"# Report {n}\n\n{stamp}Original: [Outlet {n}](https://example.org/{n})\n\n" \
               f"{body}\n"
        (tmp_path / f"a{n}.md").write_text(text, encoding="utf-8")
    return tmp_path


def conflict_of(tmp_path: Path, articles: list[tuple[str | None, str]], needle: str):
    """The one conflict holding a claim whose text contains the needle, and the report."""
    report = build_report(make_set(tmp_path, articles), use_cache=False)
    found = [g for g in report.by_status(Status.CONFLICT)
             if any(needle in c.text for c in g.claims)]
    assert len(found) == 1, [(g.id, g.explanation) for g in report.groups]
    return found[0], report


STAGES = [
    P([(f"{DAY}T05:10:00", "The storm killed 37 people, officials said."),
       (f"{DAY}T09:40:00", "The storm killed 39 people, officials said."),
       (f"{DAY}T14:25:00", "The storm killed 43 people, officials said.")],
      "37", "43 (Sun 18 Jun 14:25) ← 39 (Sun 18 Jun 09:40) ← 37 (Sun 18 Jun 05:10)",
      id="toll-rising-through-the-day"),
    P([(DAY, "The storm killed 61 people, officials said."),
       (f"{DAY}T23:55:00", "The storm killed 62 people, officials said."),
       ("2017-06-19", "The storm killed 63 people, officials said.")],
      "61", "63 (Mon 19 Jun) ← 62 (Sun 18 Jun 23:55) ← 61 (Sun 18 Jun)",
      id="dates-and-a-date-time"),
    P([(DAY, "At least 60 people are still missing after the flood."),
       ("2017-06-19", "Six people are still missing after the flood.")],
      "60", "6 (Mon 19 Jun) ← at least 60 (Sun 18 Jun)", id="missing-falling"),
    P([(None, "Officials initially put the death toll from the landslide at 90."),
       (None, "Officials said 75 people were killed in the landslide.")],
      "90", "75 ← 90 (earlier)", id="the-text-orders-them"),
]


@pytest.mark.parametrize(("articles", "needle", "line"), STAGES)
def test_stage(tmp_path: Path, articles, needle: str, line: str) -> None:
    """A figure that moves over the reports is a stage: low severity, newest figure first."""
    group, _ = conflict_of(tmp_path, articles, needle)
    assert group.status is Status.CONFLICT  # still shown, still scored
    assert group.relation is Relation.STAGE, group.explanation
    assert group.severity is Severity.LOW
    assert line in group.explanation


CONTRADICTIONS = [
    P([(f"{DAY}T05:10:00", "The storm killed 37 people, officials said."),
       (f"{DAY}T09:40:00", "The storm killed 43 people, officials said."),
       (f"{DAY}T14:25:00", "The storm killed 39 people, officials said.")],
      "37", id="up-and-down-again"),
    P([(f"{DAY}T09:40:00", "The storm killed 37 people, officials said."),
       (f"{DAY}T09:40:00", "The storm killed 39 people, officials said.")],
      "37", id="one-time-two-figures"),
    P([(DAY, "The storm killed 37 people, officials said."),
       (DAY, "The storm killed 39 people, officials said.")],
      "37", id="one-day-two-figures"),
    P([(DAY, "The storm killed 37 people, officials said."),
       (None, "The storm killed 39 people, officials said.")],
      "37", id="undated-report"),
    P([(DAY, "The tanker weighed 8,400 tonnes, the shipping register shows."),
       ("2017-06-19", "The tanker weighed 8,900 tonnes, the shipping register shows.")],
      "8,400", id="a-figure-that-does-not-move"),
]


@pytest.mark.parametrize(("articles", "needle"), CONTRADICTIONS)
def test_contradiction(tmp_path: Path, articles, needle: str) -> None:
    """When the times do not order the figures, or the figure does not move, it stays a
    contradiction."""
    group, _ = conflict_of(tmp_path, articles, needle)
    assert group.relation is Relation.CONTRADICTION, group.explanation


def test_explanation_and_timeline_agree(tmp_path: Path) -> None:
    """The explanation's stages (newest first) are the "over time" line read backwards."""
    group, report = conflict_of(tmp_path, STAGES[0].values[0], "37")
    moving = timeline(group, {a.id: a for a in report.articles})
    assert moving is not None
    over_time = [step.split(" (")[0] for step in moving.note.split(" → ")]
    stages = re.search(r"newest first: (.*?)\. ", group.explanation)[1]
    assert [step.split(" (")[0] for step in stages.split(" ← ")] == over_time[::-1]
